/** The sky draws from the project's one seeded generator (see $lib/random). */
import type { Rng } from '../random';
export { mulberry32, type Rng } from '../random';

/** Standard normal sample (Box–Muller); used for the soft band of the sky. */
export function gaussian(rng: Rng): number {
	const u = Math.max(rng(), 1e-9);
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
