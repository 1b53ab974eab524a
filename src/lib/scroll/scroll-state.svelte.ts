import { getContext, setContext } from 'svelte';

/** The reader's place: read by steps and scenes, written only by the scroll engine. */
export class ScrollState {
	stepId = $state<string | null>(null);
	chapterId = $state<string | null>(null);
	/** Index of the active step within its chapter. */
	stepIndex = $state(-1);
	progress = $state(0);
	/** The scroll source's offset, CSS px: read this rather than listening to scroll yourself. */
	y = $state(0);
	/** How far down the whole page the reader is, 0..1 (the top bar's progress line). */
	pageProgress = $state(0);
}

const KEY = Symbol('scroll-state');

export function provideScrollState(state = new ScrollState()): ScrollState {
	return setContext(KEY, state);
}

export function useScrollState(): ScrollState | undefined {
	return getContext<ScrollState | undefined>(KEY);
}
