/**
 * mulberry32: the one small seeded generator. Drawings, the sky and the social image must come out
 * the same on the server and in the browser (no hydration drift, no build-to-build change), so
 * nothing that draws may touch Math.random.
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
