/**
 * mulberry32: a tiny seeded PRNG. The sky must be the same on every load, on the server (the
 * print/no-JS still) and in the browser (WebGL and 2D fallback), so nothing here may touch
 * Math.random.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal sample (Box–Muller); used for the soft band of the sky. */
export function gaussian(rng: Rng): number {
	const u = Math.max(rng(), 1e-9);
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
