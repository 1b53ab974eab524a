import { describe, expect, it } from 'vitest';
import {
	createQualityController,
	qualityLadder,
	type QualityController
} from '../../src/lib/starfield/quality';

const levels = qualityLadder({ maxStars: 60000, minStars: 12000, devicePixelRatio: 2 });

function feed(q: QualityController, ms: number, seconds: number) {
	const changes: number[] = [];
	const n = Math.round((seconds * 1000) / ms);
	for (let i = 0; i < n; i++) if (q.sample(ms)) changes.push(q.index);
	return changes;
}

describe('qualityLadder', () => {
	it('sheds resolution first, then stars, down to the floor', () => {
		expect(levels[0]).toEqual({ stars: 60000, pixelRatio: 2 });
		expect(levels[1]).toEqual({ stars: 60000, pixelRatio: 1.5 });
		expect(levels[2]).toEqual({ stars: 60000, pixelRatio: 1 });
		expect(levels.at(-1)).toEqual({ stars: 12000, pixelRatio: 1 });
		for (let i = 1; i < levels.length; i++) {
			const a = levels[i - 1]!;
			const b = levels[i]!;
			expect(a.stars * a.pixelRatio ** 2).toBeGreaterThan(b.stars * b.pixelRatio ** 2);
		}
	});

	it('caps the pixel ratio at 2', () => {
		const l = qualityLadder({ maxStars: 1000, minStars: 500, devicePixelRatio: 3 });
		expect(l[0]!.pixelRatio).toBe(2);
	});
});

describe('createQualityController', () => {
	it('only measures during the first second', () => {
		const q = createQualityController({ levels });
		expect(feed(q, 50, 0.9)).toEqual([]);
		expect(q.index).toBe(0);
	});

	it('stays at full quality when frames fit', () => {
		const q = createQualityController({ levels });
		expect(feed(q, 16.7, 10)).toEqual([]);
		expect(q.level).toEqual(levels[0]);
	});

	it('sheds step by step under slow frames, one window apart', () => {
		const q = createQualityController({ levels });
		const changes = feed(q, 40, 2);
		expect(changes.length).toBeGreaterThanOrEqual(1);
		// never more than one step per measuring window (500 ms)
		expect(changes.length).toBeLessThanOrEqual(2);
		expect(changes).toEqual(changes.map((_, i) => i + 1));
	});

	it('settles once frames fit', () => {
		const q = createQualityController({ levels });
		// frame cost falls as quality is shed: a software renderer that fits at level 3
		let i = 0;
		for (; i < 600; i++) q.sample(q.index >= 3 ? 15 : 35);
		expect(q.index).toBe(3);
		for (let k = 0; k < 600; k++) expect(q.sample(15)).toBeNull();
		expect(q.index).toBe(3);
	});

	it('never goes below the floor', () => {
		const q = createQualityController({ levels });
		feed(q, 100, 60);
		expect(q.index).toBe(levels.length - 1);
		expect(q.level).toEqual({ stars: 12000, pixelRatio: 1 });
	});

	it('recovers with plenty of headroom, slowly', () => {
		const q = createQualityController({ levels, upHoldMs: 3000 });
		feed(q, 60, 4);
		feed(q, 14, 0.6); // let the measuring window turn over
		const low = q.index;
		expect(low).toBeGreaterThan(0);
		// moderate headroom (under target, not far under) is not enough to climb
		feed(q, 14, 10);
		expect(q.index).toBe(low);
		// lots of headroom: one step per hold period, not before
		feed(q, 6, 2.5);
		expect(q.index).toBe(low);
		feed(q, 6, 1);
		expect(q.index).toBe(low - 1);
	});

	it('waits longer after a step up that had to be undone (hysteresis)', () => {
		const q = createQualityController({ levels, upHoldMs: 2000 });
		feed(q, 60, 2);
		feed(q, 6, 0.6); // let the measuring window turn over
		const base = q.index;
		expect(base).toBeGreaterThan(0);
		// headroom: climb one step after 2 s
		feed(q, 6, 2.2);
		expect(q.index).toBe(base - 1);
		// that level is too slow after all: back down
		feed(q, 30, 0.7);
		expect(q.index).toBe(base);
		// the next climb needs twice as long: not after 2.2 s ...
		feed(q, 6, 2.2);
		expect(q.index).toBe(base);
		// ... but after 4 s of headroom
		feed(q, 6, 2.6);
		expect(q.index).toBe(base - 1);
	});

	it('ignores nonsense samples and caps one long stall', () => {
		const q = createQualityController({ levels });
		feed(q, 16, 1.5);
		expect(q.sample(Number.NaN)).toBeNull();
		expect(q.sample(-5)).toBeNull();
		expect(q.sample(5000)).toBeNull();
		expect(q.index).toBe(0);
	});
});
