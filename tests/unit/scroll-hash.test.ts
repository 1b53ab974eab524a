import { describe, expect, it } from 'vitest';
import { hasMoved, hashFor, idFromHash, throttle, type Clock } from '$lib/scroll/hash';

function fakeClock() {
	let t = 0;
	let timers: { at: number; fn: () => void; id: number }[] = [];
	let ids = 0;
	const clock: Clock = {
		now: () => t,
		setTimeout(fn, ms) {
			const id = ++ids;
			timers.push({ at: t + ms, fn, id });
			return id;
		},
		clearTimeout(id) {
			timers = timers.filter((x) => x.id !== id);
		}
	};
	const advance = (ms: number) => {
		t += ms;
		for (const timer of timers.filter((x) => x.at <= t)) {
			timers = timers.filter((x) => x !== timer);
			timer.fn();
		}
	};
	return { clock, advance };
}

describe('throttle', () => {
	it('runs the first call at once and folds a burst into one trailing call with the last value', () => {
		const { clock, advance } = fakeClock();
		const seen: string[] = [];
		const t = throttle((v: string) => seen.push(v), 300, clock);
		t.call('a');
		t.call('b');
		t.call('c');
		expect(seen).toEqual(['a']);
		advance(299);
		expect(seen).toEqual(['a']);
		advance(1);
		expect(seen).toEqual(['a', 'c']);
	});

	it('writes at most once per window during a long scroll', () => {
		const { clock, advance } = fakeClock();
		const seen: number[] = [];
		const t = throttle((v: number) => seen.push(v), 250, clock);
		for (let i = 0; i < 100; i++) {
			t.call(i);
			advance(16);
		}
		advance(1000);
		expect(seen.length).toBeLessThanOrEqual(Math.ceil((100 * 16) / 250) + 2);
		expect(seen.at(-1)).toBe(99);
	});

	it('cancel drops the pending call', () => {
		const { clock, advance } = fakeClock();
		const seen: string[] = [];
		const t = throttle((v: string) => seen.push(v), 300, clock);
		t.call('a');
		t.call('b');
		t.cancel();
		advance(1000);
		expect(seen).toEqual(['a']);
	});
});

describe('hash helpers', () => {
	it('maps a step to its hash and none to the bare URL', () => {
		expect(hashFor('home-door')).toBe('#home-door');
		expect(hashFor(null)).toBe('');
	});

	it('reads ids out of hashes', () => {
		expect(idFromHash('#tower')).toBe('tower');
		expect(idFromHash('tower')).toBe('tower');
		expect(idFromHash('#')).toBeNull();
		expect(idFromHash('')).toBeNull();
		expect(idFromHash('#%E0%A4%A')).toBeNull();
		expect(idFromHash('#a%20b')).toBe('a b');
	});

	it('counts only real movement away from where the page landed', () => {
		expect(hasMoved(1000, 1000)).toBe(false);
		expect(hasMoved(1005, 1000)).toBe(false);
		expect(hasMoved(1200, 1000)).toBe(true);
		expect(hasMoved(0, 300)).toBe(true);
	});
});
