import { untrack } from 'svelte';
import { replaceHash, router } from '$lib/router.svelte';
import { afterNextFrame } from '$lib/later';
import type { ScrollState } from '$lib/scroll/scroll-state.svelte';
import { hasMoved, hashFor, throttle } from '$lib/scroll/hash';

/**
 * Where the page came to rest: the chapter on screen and its top, or the scroll offset where no
 * chapter is (the opening). The chapter, not the offset, because a chapter drawn for the first
 * time above the screen (content-visibility: auto) changes height, and the browser shifts the
 * offset to keep what the reader sees in place: the offset moves, the chapter on screen does not.
 */
interface Rest {
	pin: Element | null;
	top: number;
	y: number;
}

function restOn(at: Element | null): Rest {
	const seen = at ?? document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
	const pin = seen?.closest('section[id]') ?? null;
	return { pin, top: pin?.getBoundingClientRect().top ?? 0, y: window.scrollY };
}

/**
 * The URL follows the reader, quietly: replaceState (no history entry per step), throttled, and
 * only once the reader has moved, so a deep link is never rewritten on arrival. It reads the
 * scroll offset from the scroll state, so it adds no listener of its own; its effects (and the
 * throttle's pending timer) end with the component that created it.
 */
export class UrlFollow {
	/** The reader has scrolled away from where the page landed: only then does the URL follow. */
	moved = $state(false);
	/** Where the page last came to rest after a programmatic scroll (a landing, a jump). */
	#rest: Rest = { pin: null, top: 0, y: 0 };
	/** A landing whose resting place is still to be measured (see `watch`), and on what. */
	#due: { at: Element | null } | null = null;
	/** A jump is under way: its scrolling is not the reader's. */
	jumping = false;
	/** Set once the page has landed; until then no scroll counts as the reader's. */
	#watching = false;
	#write = throttle(replaceHash, 400);

	/**
	 * `active`: JavaScript runs, the page has its chrome and the gate is open. The URL also waits
	 * for the router's start (see `router`): a reader may scroll while the page still hydrates.
	 */
	constructor(scroll: ScrollState, active: () => boolean) {
		$effect(() => {
			const y = scroll.y;
			untrack(() => {
				if (this.#watching && !this.moved && !this.jumping && this.#left(y)) this.moved = true;
			});
		});
		$effect(() => {
			const hash = hashFor(scroll.stepId);
			if (!active() || !this.moved || !router.started) return;
			this.#write.call(hash);
		});
		$effect(() => this.#write.cancel);
	}

	/** Has the reader scrolled away from where the page came to rest? */
	#left(y: number): boolean {
		this.#measureDue();
		const { pin, top } = this.#rest;
		return pin ? hasMoved(pin.getBoundingClientRect().top, top) : hasMoved(y, this.#rest.y);
	}

	/**
	 * The page has landed (on `at`, or where it stands): from here on, scrolling away from it is
	 * the reader's own.
	 */
	watch(at: Element | null): () => void {
		// Measured once the next frame is drawn, not now: the landing comes in the task that
		// brings the story to life (10-20 ms of layout at 1× here, see `afterNextFrame`). A scroll
		// before then measures at once.
		this.#due = { at };
		const cancel = afterNextFrame(() => this.#measureDue());
		this.#watching = true;
		return () => {
			cancel();
			this.#due = null;
			this.#watching = false;
		};
	}

	#measureDue() {
		if (!this.#due) return;
		this.#rest = restOn(this.#due.at);
		this.#due = null;
	}

	/** The reader chose a place (a link, a hash): the URL keeps it until they scroll on. */
	hold() {
		this.#write.cancel();
		this.moved = false;
	}

	/** A jump has come to rest (on `at`, or where it stands). */
	settle(at: Element | null = null) {
		this.#due = null;
		this.#rest = restOn(at);
		this.jumping = false;
	}
}
