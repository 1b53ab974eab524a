/** Which slide a phone shows, as the class's slide and pace change (student-deck.svelte.ts). */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/load';
import { buildDeck } from '../../src/lib/present/deck';
import { StudentDeck } from '../../src/lib/poll/student-deck.svelte';
import type { SlideState } from '../../src/lib/poll/slide-model';

const deck = buildDeck(loadContent(resolve('content')).chapters);
const id = (n: number) => deck.slides[n]!.id;

function phone(initial: SlideState | null) {
	let live = initial;
	const sd = new StudentDeck(deck, () => live);
	return {
		sd,
		set(next: SlideState) {
			live = next;
			sd.paced();
		}
	};
}

describe('a phone in the class', () => {
	it('shows nothing before the first slide, then the class slide', () => {
		const { sd, set } = phone(null);
		expect(sd.index).toBeNull();
		set({ step: id(4), pacing: 'teacher' });
		expect(sd.index).toBe(4);
		set({ step: 'not-in-this-deck', pacing: 'teacher' });
		expect(sd.index).toBeNull();
	});

	it('pages away, is offered the class, and follows again on the way back', () => {
		const { sd, set } = phone({ step: id(10), pacing: 'teacher' });
		sd.page(-1);
		expect([sd.index, sd.away]).toEqual([9, true]);
		set({ step: id(11), pacing: 'teacher' });
		expect([sd.index, sd.away]).toEqual([9, true]);
		sd.back();
		expect([sd.index, sd.away]).toEqual([11, false]);
		sd.page(-1);
		sd.page(1);
		// Paged back onto the class's slide: following, so the next change moves it.
		expect(sd.own).toBeNull();
		set({ step: id(12), pacing: 'teacher' });
		expect(sd.index).toBe(12);
	});

	it('stays put while students set the pace, and rejoins the class after', () => {
		const { sd, set } = phone({ step: id(3), pacing: 'teacher' });
		set({ step: id(3), pacing: 'student' });
		set({ step: id(5), pacing: 'student' });
		expect([sd.index, sd.away]).toEqual([3, false]);
		sd.page(1);
		sd.page(1);
		expect(sd.index).toBe(5);
		set({ step: id(8), pacing: 'teacher' });
		expect([sd.index, sd.own]).toEqual([8, null]);
	});

	it('keeps within the deck', () => {
		const { sd } = phone({ step: id(0), pacing: 'student' });
		sd.page(-1);
		expect(sd.index).toBe(0);
		for (let i = 0; i < deck.slides.length + 3; i++) sd.page(1);
		expect(sd.index).toBe(deck.slides.length - 1);
	});
});
