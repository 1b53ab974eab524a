import { describe, expect, it } from 'vitest';
import { generateStars, Kind } from '../../src/lib/starfield/generate-stars';
import { chapterLayout, TOWER, WARM_STAR } from '../../src/lib/starfield/layout';
import { mulberry32 } from '../../src/lib/starfield/prng';
import { stillSky } from '../../src/lib/starfield/still-sky';

const arrays = ['start', 'end', 'color', 'params', 'role'] as const;

describe('mulberry32', () => {
	it('is deterministic and stays in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...xs)).toBeLessThan(1);
	});
});

describe('generateStars', () => {
	it('gives the same Float32Arrays for the same seed', () => {
		const a = generateStars({ seed: 7, fieldCount: 5000, chapterCount: 5 });
		const b = generateStars({ seed: 7, fieldCount: 5000, chapterCount: 5 });
		for (const k of arrays) {
			expect(a[k]).toBeInstanceOf(Float32Array);
			expect(a[k]).toEqual(b[k]);
		}
	});

	it('gives a different sky for a different seed', () => {
		const a = generateStars({ seed: 1, fieldCount: 5000 });
		const b = generateStars({ seed: 2, fieldCount: 5000 });
		expect(a.end).not.toEqual(b.end);
		expect(a.params).not.toEqual(b.params);
	});

	it('counts: warm star, chapters, tower windows, then at least 50,000 stars by default', () => {
		const d = generateStars({ chapterCount: 17 });
		const windows = TOWER.cols * TOWER.rows;
		expect(d.windowCount).toBe(windows);
		expect(d.count).toBe(1 + 17 + windows + 60000);
		expect(d.count).toBeGreaterThanOrEqual(50000);
		expect(d.end.length).toBe(d.count * 3);
		expect(d.start.length).toBe(d.count * 2);
		expect(d.params.length).toBe(d.count * 4);
		expect(d.role[d.warmIndex * 2]).toBe(Kind.warm);
		for (let c = 0; c < 17; c++) expect(d.role[(d.chapterStart + c) * 2]).toBe(Kind.chapter);
		expect(d.role[d.windowStart * 2]).toBeGreaterThanOrEqual(Kind.windowLit);
		expect(d.role[d.fieldStart * 2]).toBe(Kind.field);
	});

	it('keeps every star in bounds', () => {
		const d = generateStars({ seed: 3, fieldCount: 20000, chapterCount: 9 });
		const range = (arr: Float32Array, stride: number, offset: number) => {
			let lo = Infinity;
			let hi = -Infinity;
			for (let i = offset; i < arr.length; i += stride) {
				lo = Math.min(lo, arr[i] as number);
				hi = Math.max(hi, arr[i] as number);
			}
			return [lo, hi];
		};
		const [xlo, xhi] = range(d.end, 3, 0);
		const [ylo, yhi] = range(d.end, 3, 1);
		expect(xlo).toBeGreaterThanOrEqual(-1.06);
		expect(xhi).toBeLessThanOrEqual(1.06);
		expect(ylo).toBeGreaterThanOrEqual(-1.06);
		expect(yhi).toBeLessThanOrEqual(1.06);
		expect(range(d.end, 3, 2)[0]).toBeGreaterThanOrEqual(0);
		expect(range(d.end, 3, 2)[1]).toBeLessThanOrEqual(1);
		expect(range(d.params, 4, 1)[0]).toBeGreaterThanOrEqual(0);
		expect(range(d.params, 4, 1)[1]).toBeLessThanOrEqual(1);
		expect(range(d.color, 1, 0)[0]).toBeGreaterThanOrEqual(0);
		expect(range(d.color, 1, 0)[1]).toBeLessThanOrEqual(1);
	});

	it('sorts the field brightest first, so shedding the draw range drops the faintest', () => {
		const d = generateStars({ seed: 5, fieldCount: 10000 });
		let prev = Infinity;
		for (let i = d.fieldStart; i < d.count; i++) {
			const b = d.params[i * 4 + 1] as number;
			expect(b).toBeLessThanOrEqual(prev);
			prev = b;
		}
	});

	it('starts the windows in the tower (lower middle) and lets two of them end in the warm star', () => {
		const d = generateStars({ fieldCount: 0 });
		let home = 0;
		for (let k = 0; k < d.windowCount; k++) {
			const i = d.windowStart + k;
			expect(d.start[i * 2 + 1]).toBeLessThan(0);
			expect(Math.abs(d.start[i * 2] as number)).toBeLessThan(0.3);
			const ex = d.end[i * 3] as number;
			const ey = d.end[i * 3 + 1] as number;
			if (Math.hypot(ex - WARM_STAR[0], ey - WARM_STAR[1]) < 1e-3) home++;
		}
		expect(home).toBe(2);
	});
});

describe('chapterLayout', () => {
	it('is deterministic, inside the frame and keeps neighbours apart', () => {
		const a = chapterLayout(17, 11);
		expect(a).toEqual(chapterLayout(17, 11));
		for (const [x, y] of a) {
			expect(Math.abs(x)).toBeLessThanOrEqual(0.9);
			expect(Math.abs(y)).toBeLessThanOrEqual(0.9);
		}
		for (let i = 0; i < a.length; i++) {
			for (let j = i + 1; j < a.length; j++) {
				const [xi, yi] = a[i] as readonly [number, number];
				const [xj, yj] = a[j] as readonly [number, number];
				expect(Math.hypot(xi - xj, yi - yj)).toBeGreaterThan(0.18);
			}
		}
	});
});

describe('stillSky', () => {
	it('is the same markup data every time (SSR and hydration agree)', () => {
		expect(stillSky(9)).toEqual(stillSky(9));
		expect(stillSky(9).length).toBe(241);
	});
});
