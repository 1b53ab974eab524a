import { untrack } from 'svelte';
import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { ScrollState } from '$lib/scroll/scroll-state.svelte';
import { hasMoved, hashFor, throttle } from '$lib/scroll/hash';

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
	landedAt = 0;
	/** A jump is under way: its scrolling is not the reader's. */
	jumping = false;
	/** Set once the page has landed; until then no scroll counts as the reader's. */
	#watching = false;
	/**
	 * The router has started. A reader may scroll before the scripts arrive, and SvelteKit's
	 * replaceState throws if called while the page is still hydrating: the URL waits for this.
	 */
	#routed = $state(false);

	#write = throttle((hash: string) => {
		const url = location.pathname + location.search + hash;
		if (url === location.pathname + location.search + location.hash) return;
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- this page; only the hash changes
		replaceState(url, page.state);
	}, 400);

	/** `active`: JavaScript runs, the page has its chrome and the gate is open. */
	constructor(scroll: ScrollState, active: () => boolean) {
		afterNavigate(() => (this.#routed = true));
		$effect(() => {
			const y = scroll.y;
			untrack(() => {
				if (this.#watching && !this.moved && !this.jumping && hasMoved(y, this.landedAt))
					this.moved = true;
			});
		});
		$effect(() => {
			const hash = hashFor(scroll.stepId);
			if (!active() || !this.moved || !this.#routed) return;
			this.#write.call(hash);
		});
		$effect(() => this.#write.cancel);
	}

	/** The page has landed at `y`: from here on, scrolling away from it is the reader's own. */
	watch(y: number): () => void {
		this.landedAt = y;
		this.#watching = true;
		return () => {
			this.#watching = false;
		};
	}

	/** The reader chose a place (a link, a hash): the URL keeps it until they scroll on. */
	hold() {
		this.#write.cancel();
		this.moved = false;
	}

	/** A jump has come to rest at `y`. */
	settle(y: number) {
		this.landedAt = y;
		this.jumping = false;
	}
}
