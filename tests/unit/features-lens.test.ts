import { describe, expect, it } from 'vitest';
import type { Beat, Reading } from '$lib/content/types';
import { agreement, contested, lensRows, summarise, tally } from '$lib/features/lens-model';

const beats: Beat[] = [
	{ id: 'knock', label: 'Harry knocks', chapter: 'knock', summary: '' },
	{ id: 'home', label: 'Home', chapter: 'home', summary: '' },
	{ id: 'body', label: 'The body', chapter: 'sixth-floor', summary: '' }
];
const reading = (id: string, v: Record<string, 'real' | 'imagined' | 'open'>): Reading => ({
	id,
	name: id,
	summary: '',
	heldBy: [],
	for: [],
	against: [],
	gist: '',
	verdicts: Object.fromEntries(
		Object.entries(v).map(([k, verdict]) => [k, { verdict, reason: `${k} because` }])
	)
});
const ghosts = reading('Ghosts', { knock: 'real', home: 'real', body: 'real' });
const memory = reading('Memory', { knock: 'real', home: 'imagined', body: 'open' });

describe('lens model', () => {
	it('lays every beat out in order with the reading’s verdict and reason', () => {
		const rows = lensRows(beats, memory);
		expect(rows.map((r) => r.beat.id)).toEqual(['knock', 'home', 'body']);
		expect(rows.map((r) => r.verdict)).toEqual(['real', 'imagined', 'open']);
		expect(rows[1]!.reason).toBe('home because');
	});

	it('marks a beat the reading is silent on as null rather than guessing', () => {
		const partial = reading('Partial', { knock: 'real' });
		expect(lensRows(beats, partial).map((r) => r.verdict)).toEqual(['real', null, null]);
		expect(lensRows(beats, undefined).every((r) => r.verdict === null)).toBe(true);
	});

	it('counts verdicts and says them in one sentence', () => {
		const rows = lensRows(beats, memory);
		expect(tally(rows)).toEqual({ real: 1, imagined: 1, open: 1 });
		expect(summarise(memory, rows)).toBe('Memory: 1 real, 1 imagined, 1 open.');
	});

	it('finds the beats on which readings disagree', () => {
		expect(contested(beats[0]!, [ghosts, memory])).toBe(false);
		expect(contested(beats[1]!, [ghosts, memory])).toBe(true);
		expect(agreement(beats[0]!, memory, [ghosts, memory])).toBe(2);
		expect(agreement(beats[1]!, memory, [ghosts, memory])).toBe(1);
	});
});
