/** The drawings use the project's one seeded generator, under the name they have always used. */
import { mulberry32 } from '../../random';
export { mulberry32 as random };

/** Rounded to two decimals so the markup stays short. */
export const r2 = (n: number) => Math.round(n * 100) / 100;

export interface Star {
	x: number;
	y: number;
	r: number;
	o: number;
}

export function stars(seed: number, n: number, w: number, h: number, y0 = 0): Star[] {
	const rnd = mulberry32(seed);
	return Array.from({ length: n }, () => ({
		x: r2(rnd() * w),
		y: r2(y0 + rnd() * rnd() * h),
		r: r2(0.6 + rnd() * rnd() * 1.8),
		o: r2(0.35 + rnd() * 0.6)
	}));
}
