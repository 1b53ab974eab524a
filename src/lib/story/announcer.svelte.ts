import type { Chapter } from '$lib/content/types';
import type { ScrollState } from '$lib/scroll/scroll-state.svelte';
import { chapterLabel } from './labels';

/**
 * A polite announcement when the reader crosses into another chapter, once the scroll settles.
 * The chapter the page lands on, and any reached before the reader moves, are not announced.
 * Its pending timer is cleared by its own effect.
 */
export class Announcer {
	text = $state('');
	#announced: string | null = null;

	/** `on`: JavaScript runs and the page has its chrome; `quiet`: nothing to announce yet. */
	constructor(
		scroll: ScrollState,
		chapters: () => readonly Chapter[],
		on: () => boolean,
		quiet: () => boolean
	) {
		$effect(() => {
			const id = scroll.chapterId;
			if (!on() || !id) return;
			if (quiet()) {
				this.#announced = id;
				return;
			}
			const timer = setTimeout(() => {
				if (id === this.#announced) return;
				this.#announced = id;
				const chapter = chapters().find((c) => c.id === id);
				if (chapter) this.text = chapterLabel(chapter);
			}, 400);
			return () => clearTimeout(timer);
		});
	}
}
