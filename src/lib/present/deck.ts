/**
 * The classroom deck: the story's steps, one per slide, in reading order, with a discussion slide
 * closing each interpretive chapter. Pure data and pure functions: no DOM, no Svelte, so the
 * presenter, the speaker view and the unit tests all share one model.
 */
import { discussionId, hasDiscussion } from '$lib/content/slides';
import type { Chapter, Html, Step } from '$lib/content/types';

export { discussionId, hasDiscussion };

interface SlideBase {
	/** Stable id, used in `/present#<id>`: the step's id, or `<chapter>--discussion`. */
	id: string;
	/** Position in the deck, from 0. */
	n: number;
	chapter: Chapter;
	/** Position of the chapter in the deck's chapter list, from 0. */
	chapterIndex: number;
	/** The chapter step whose scene state this slide shows. */
	stepIndex: number;
}

export interface StepSlide extends SlideBase {
	kind: 'step';
	step: Step;
}

export interface DiscussionSlide extends SlideBase {
	kind: 'discussion';
	questions: Html[];
}

export type Slide = StepSlide | DiscussionSlide;

export interface DeckChapter {
	chapter: Chapter;
	/** Index of its first slide. */
	first: number;
	/** Number of slides, the discussion slide included. */
	count: number;
}

export interface Deck {
	slides: Slide[];
	chapters: DeckChapter[];
	/** Slide index by slide id (steps and discussion slides). */
	byId: Map<string, number>;
	/** First slide index by chapter id. */
	byChapter: Map<string, number>;
}

export function buildDeck(chapters: Chapter[]): Deck {
	const slides: Slide[] = [];
	const deckChapters: DeckChapter[] = [];
	const byId = new Map<string, number>();
	const byChapter = new Map<string, number>();

	const add = (slide: Slide) => {
		if (byId.has(slide.id)) throw new Error(`Duplicate slide id "${slide.id}"`);
		byId.set(slide.id, slide.n);
		slides.push(slide);
	};

	for (const chapter of chapters) {
		if (chapter.steps.length === 0 && !hasDiscussion(chapter)) continue;
		const chapterIndex = deckChapters.length;
		const first = slides.length;
		byChapter.set(chapter.id, first);
		chapter.steps.forEach((step, stepIndex) => {
			add({ kind: 'step', id: step.id, n: slides.length, chapter, chapterIndex, stepIndex, step });
		});
		if (hasDiscussion(chapter)) {
			add({
				kind: 'discussion',
				id: discussionId(chapter.id),
				n: slides.length,
				chapter,
				chapterIndex,
				stepIndex: Math.max(0, chapter.steps.length - 1),
				questions: chapter.questions
			});
		}
		deckChapters.push({ chapter, first, count: slides.length - first });
	}
	return { slides, chapters: deckChapters, byId, byChapter };
}

/**
 * The slide a URL hash points at: a step id, a discussion slide id, or a chapter id (its first
 * slide). `null` when the hash names nothing in the deck.
 */
export function indexForHash(deck: Deck, hash: string): number | null {
	let id = hash.startsWith('#') ? hash.slice(1) : hash;
	try {
		id = decodeURIComponent(id);
	} catch {
		return null;
	}
	if (!id) return null;
	return deck.byId.get(id) ?? deck.byChapter.get(id) ?? null;
}

export function clampIndex(deck: Deck, index: number): number {
	if (deck.slides.length === 0) return 0;
	if (!Number.isFinite(index)) return 0;
	return Math.min(deck.slides.length - 1, Math.max(0, Math.trunc(index)));
}

/** The slide index for what a person types into "go to": a 1-based number. */
export function indexForNumber(deck: Deck, typed: string): number | null {
	const t = typed.trim();
	if (!/^\d+$/.test(t)) return null;
	const n = Number(t);
	if (n < 1 || n > deck.slides.length) return null;
	return n - 1;
}

/** "12 / 84" */
export function counterLabel(deck: Deck, index: number): string {
	return `${index + 1} / ${deck.slides.length}`;
}

export type Overlay = 'overview' | 'help' | 'goto';

export interface DeckState {
	index: number;
	blackout: boolean;
	overlay: Overlay | null;
}

export type Action =
	| { type: 'next' }
	| { type: 'prev' }
	| { type: 'first' }
	| { type: 'last' }
	| { type: 'go'; index: number }
	| { type: 'blackout'; on?: boolean }
	| { type: 'open'; overlay: Overlay }
	| { type: 'close' }
	/** Side effects the page carries out; the state does not change. */
	| { type: 'fullscreen' }
	| { type: 'notes' };

export function reduce(deck: Deck, state: DeckState, action: Action): DeckState {
	const go = (index: number): DeckState => ({ ...state, index: clampIndex(deck, index) });
	switch (action.type) {
		case 'next':
			return go(state.index + 1);
		case 'prev':
			return go(state.index - 1);
		case 'first':
			return go(0);
		case 'last':
			return go(deck.slides.length - 1);
		case 'go':
			return { ...go(action.index), overlay: null };
		case 'blackout':
			return { ...state, blackout: action.on ?? !state.blackout };
		case 'open':
			return { ...state, overlay: state.overlay === action.overlay ? null : action.overlay };
		case 'close':
			return { ...state, overlay: null };
		default:
			return state;
	}
}

// The keyboard map lives in keys.ts; re-exported so the deck stays the one import for its model.
export { actionForKey, KEY_HELP, type KeyInput } from './keys';
