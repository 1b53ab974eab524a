import { describe, expect, it } from 'vitest';
import { pageProgress } from '$lib/scroll/page-progress';

describe('pageProgress', () => {
	it('is the share of the scrollable height read, kept within 0 and 1', () => {
		const start = { y: 0, progress: 0 };
		expect(pageProgress(start, 500, 1000)).toBe(0.5);
		expect(pageProgress(start, 1200, 1000)).toBe(1);
		expect(pageProgress(start, -40, 1000)).toBe(0);
		expect(pageProgress(start, 0, 0)).toBe(0);
	});

	it('holds, rather than stepping back, when the page grows under a reader reading on', () => {
		// 900 of 1000 read; a chapter below is drawn taller than the room it was given
		const before = { y: 900, progress: 0.9 };
		expect(pageProgress(before, 920, 1100)).toBe(0.9);
		// the same frame re-measured, no scroll at all
		expect(pageProgress(before, 900, 1100)).toBe(0.9);
		// once the reading catches up, it moves on
		expect(pageProgress({ y: 920, progress: 0.9 }, 1045, 1100)).toBe(0.95);
	});

	it('follows at once when the reader scrolls back', () => {
		expect(pageProgress({ y: 900, progress: 0.9 }, 880, 1100)).toBe(0.8);
	});
});
