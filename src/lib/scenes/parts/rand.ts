/** A small seeded generator: the same drawing on the server and in the browser (no hydration drift). */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Rounded to two decimals so the markup stays short. */
export const r2 = (n: number) => Math.round(n * 100) / 100;

export interface Star {
	x: number;
	y: number;
	r: number;
	o: number;
}

export function stars(seed: number, n: number, w: number, h: number, y0 = 0): Star[] {
	const rnd = random(seed);
	return Array.from({ length: n }, () => ({
		x: r2(rnd() * w),
		y: r2(y0 + rnd() * rnd() * h),
		r: r2(0.6 + rnd() * rnd() * 1.8),
		o: r2(0.35 + rnd() * 0.6)
	}));
}
