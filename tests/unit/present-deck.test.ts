import { describe, expect, it } from 'vitest';
import type { Chapter, ChapterKind } from '$lib/content/types';
import {
	actionForKey,
	buildDeck,
	counterLabel,
	discussionId,
	indexForHash,
	indexForNumber,
	KEY_HELP,
	reduce,
	type Action,
	type DeckState
} from '$lib/present/deck';

function chapter(
	id: string,
	kind: ChapterKind,
	steps: string[],
	questions: string[] = []
): Chapter {
	return {
		id,
		n: 0,
		title: id,
		kind,
		scene: 'tower',
		readings: [],
		sceneData: {},
		questions,
		steps: steps.map((s, index) => ({
			id: s,
			chapter: id,
			index,
			html: `<p>${s}</p>`,
			plain: s,
			state: 'dusk',
			alt: '',
			notes: '',
			citations: []
		}))
	};
}

const chapters = [
	chapter('opening', 'opening', ['o1']),
	chapter('tower', 'plot', ['t1', 't2', 't3']),
	chapter('when', 'reading', ['w1', 'w2'], ['<p>Why?</p>', '<p>When?</p>']),
	chapter('voices', 'reading', ['v1']),
	chapter('finale', 'finale', ['f1'])
];
const deck = buildDeck(chapters);
const state = (over: Partial<DeckState> = {}): DeckState => ({
	index: 0,
	blackout: false,
	overlay: null,
	...over
});

describe('buildDeck', () => {
	it('puts every step on its own slide, in reading order, with the same ids', () => {
		expect(deck.slides.map((s) => s.id)).toEqual([
			'o1',
			't1',
			't2',
			't3',
			'w1',
			'w2',
			'when--discussion',
			'v1',
			'f1'
		]);
		expect(deck.slides.every((s, i) => s.n === i)).toBe(true);
	});

	it('ends a reading chapter that has questions on a discussion slide, and no other chapter', () => {
		const discussions = deck.slides.filter((s) => s.kind === 'discussion');
		expect(discussions).toHaveLength(1);
		const d = discussions[0]!;
		expect(d.id).toBe(discussionId('when'));
		expect(d.kind === 'discussion' && d.questions).toEqual(['<p>Why?</p>', '<p>When?</p>']);
		expect(d.chapter.id).toBe('when');
		expect(d.stepIndex).toBe(1);
	});

	it('a plot chapter with questions gets no discussion slide', () => {
		const d = buildDeck([chapter('tower', 'plot', ['t1'], ['<p>?</p>'])]);
		expect(d.slides.map((s) => s.kind)).toEqual(['step']);
	});

	it('records each chapter with its first slide and slide count', () => {
		expect(deck.chapters.map((c) => [c.chapter.id, c.first, c.count])).toEqual([
			['opening', 0, 1],
			['tower', 1, 3],
			['when', 4, 3],
			['voices', 7, 1],
			['finale', 8, 1]
		]);
		expect(deck.slides[5]!.chapterIndex).toBe(2);
	});

	it('a discussion id cannot collide with a content id (no double dashes there)', () => {
		expect(discussionId('when')).toMatch(/--/);
		expect(() => buildDeck([chapter('a', 'plot', ['x']), chapter('b', 'plot', ['x'])])).toThrow(
			/Duplicate/
		);
	});
});

describe('hashes, numbers and the counter', () => {
	it('a step id, a discussion id or a chapter id finds its slide', () => {
		expect(indexForHash(deck, '#t2')).toBe(2);
		expect(indexForHash(deck, 't2')).toBe(2);
		expect(indexForHash(deck, '#when--discussion')).toBe(6);
		expect(indexForHash(deck, '#when')).toBe(4);
		expect(indexForHash(deck, '#tower')).toBe(1);
	});

	it('anything else finds nothing', () => {
		expect(indexForHash(deck, '')).toBeNull();
		expect(indexForHash(deck, '#')).toBeNull();
		expect(indexForHash(deck, '#nope')).toBeNull();
		expect(indexForHash(deck, '#%E0%A4%A')).toBeNull();
	});

	it('go-to takes 1-based numbers within the deck', () => {
		expect(indexForNumber(deck, '1')).toBe(0);
		expect(indexForNumber(deck, ' 9 ')).toBe(8);
		expect(indexForNumber(deck, '10')).toBeNull();
		expect(indexForNumber(deck, '0')).toBeNull();
		expect(indexForNumber(deck, '2.5')).toBeNull();
		expect(indexForNumber(deck, 'x')).toBeNull();
	});

	it('counts from one', () => {
		expect(counterLabel(deck, 0)).toBe('1 / 9');
		expect(counterLabel(deck, 8)).toBe('9 / 9');
	});
});

describe('reduce', () => {
	const run = (s: DeckState, ...actions: Action[]) =>
		actions.reduce((a, x) => reduce(deck, a, x), s);

	it('moves one slide at a time and stops at both ends', () => {
		expect(run(state(), { type: 'next' }).index).toBe(1);
		expect(run(state(), { type: 'prev' }).index).toBe(0);
		expect(run(state({ index: 8 }), { type: 'next' }).index).toBe(8);
		expect(run(state({ index: 3 }), { type: 'prev' }, { type: 'prev' }).index).toBe(1);
	});

	it('jumps to the first, the last and any slide (clamped), closing the dialog', () => {
		expect(run(state({ index: 4 }), { type: 'first' }).index).toBe(0);
		expect(run(state(), { type: 'last' }).index).toBe(8);
		expect(run(state({ overlay: 'goto' }), { type: 'go', index: 5 })).toEqual(state({ index: 5 }));
		expect(run(state(), { type: 'go', index: 99 }).index).toBe(8);
		expect(run(state(), { type: 'go', index: -3 }).index).toBe(0);
	});

	it('toggles the black screen, or sets it', () => {
		expect(run(state(), { type: 'blackout' }).blackout).toBe(true);
		expect(run(state(), { type: 'blackout' }, { type: 'blackout' }).blackout).toBe(false);
		expect(run(state({ blackout: true }), { type: 'blackout', on: false }).blackout).toBe(false);
	});

	it('opens a dialog, toggles it with its own key, and closes it', () => {
		expect(run(state(), { type: 'open', overlay: 'help' }).overlay).toBe('help');
		expect(
			run(state(), { type: 'open', overlay: 'help' }, { type: 'open', overlay: 'help' }).overlay
		).toBeNull();
		expect(
			run(state(), { type: 'open', overlay: 'help' }, { type: 'open', overlay: 'overview' }).overlay
		).toBe('overview');
		expect(run(state({ overlay: 'goto' }), { type: 'close' }).overlay).toBeNull();
	});

	it('leaves the state alone for side effects', () => {
		const s = state({ index: 2 });
		expect(run(s, { type: 'fullscreen' })).toEqual(s);
		expect(run(s, { type: 'notes' })).toEqual(s);
	});
});

describe('actionForKey', () => {
	const idle = { blackout: false, overlay: null };
	const key = (k: string, extra: object = {}) => actionForKey({ key: k, ...extra }, idle)?.type;

	it('moves forward with →, ↓, Space and Page Down (what clickers send)', () => {
		for (const k of ['ArrowRight', 'ArrowDown', ' ', 'PageDown']) expect(key(k)).toBe('next');
	});

	it('moves back with ←, ↑, Shift+Space, Page Up and Backspace', () => {
		for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) expect(key(k)).toBe('prev');
		expect(key(' ', { shiftKey: true })).toBe('prev');
	});

	it('jumps with Home and End', () => {
		expect(key('Home')).toBe('first');
		expect(key('End')).toBe('last');
	});

	it('F and F5 fullscreen, B and . blackout, S speaker view, either case', () => {
		expect(key('f')).toBe('fullscreen');
		expect(key('F', { shiftKey: true })).toBe('fullscreen');
		expect(key('F5')).toBe('fullscreen');
		expect(key('b')).toBe('blackout');
		expect(key('B')).toBe('blackout');
		expect(key('.')).toBe('blackout');
		expect(key('s')).toBe('notes');
	});

	it('O, G and ? open the overview, go-to and help', () => {
		expect(actionForKey({ key: 'o' }, idle)).toEqual({ type: 'open', overlay: 'overview' });
		expect(actionForKey({ key: 'g' }, idle)).toEqual({ type: 'open', overlay: 'goto' });
		expect(actionForKey({ key: '?', shiftKey: true }, idle)).toEqual({
			type: 'open',
			overlay: 'help'
		});
	});

	it('leaves browser shortcuts and lone modifiers alone', () => {
		expect(key('p', { ctrlKey: true })).toBeUndefined();
		expect(key('ArrowLeft', { altKey: true })).toBeUndefined();
		expect(key('r', { metaKey: true })).toBeUndefined();
		expect(key('Shift')).toBeUndefined();
		expect(key('Tab')).toBeUndefined();
		expect(key('x')).toBeUndefined();
	});

	it('while blacked out, any key only brings the slide back', () => {
		const dark = { blackout: true, overlay: null };
		for (const k of ['ArrowRight', 'b', 'x', 'Escape', 'PageDown']) {
			expect(actionForKey({ key: k }, dark)).toEqual({ type: 'blackout', on: false });
		}
		expect(actionForKey({ key: 'Shift' }, dark)).toBeNull();
	});

	it('while a dialog is open, only its own key or Escape closes it', () => {
		expect(actionForKey({ key: 'ArrowRight' }, { blackout: false, overlay: 'help' })).toBeNull();
		expect(actionForKey({ key: '?' }, { blackout: false, overlay: 'help' })?.type).toBe('close');
		expect(actionForKey({ key: 'Escape' }, { blackout: false, overlay: 'help' })?.type).toBe(
			'close'
		);
		expect(actionForKey({ key: 'o' }, { blackout: false, overlay: 'overview' })?.type).toBe(
			'close'
		);
		expect(actionForKey({ key: 'ArrowDown' }, { blackout: false, overlay: 'overview' })).toBeNull();
		for (const k of ['1', 'g', 'Escape', 'ArrowRight']) {
			expect(actionForKey({ key: k }, { blackout: false, overlay: 'goto' })).toBeNull();
		}
	});

	it('the help lists every key that does something', () => {
		const listed = KEY_HELP.flatMap((r) => r.keys).join(' ');
		for (const k of ['Space', 'Page Down', 'Page Up', 'Home', 'End', 'G', 'O', 'B', 'F', 'S', '?'])
			expect(listed).toContain(k);
	});
});
