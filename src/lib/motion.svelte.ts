import { MediaQuery } from 'svelte/reactivity';

const KEY = 'strangers:motion';

/**
 * Whether to animate. The reader's system setting decides unless they use the in-page switch,
 * which is remembered across visits. Scenes and the starfield read `reduced`.
 */
class MotionPreference {
	#system = new MediaQuery('(prefers-reduced-motion: reduce)', false);
	#choice = $state<'reduce' | 'full' | null>(null);

	constructor() {
		try {
			const saved = globalThis.localStorage?.getItem(KEY);
			if (saved === 'reduce' || saved === 'full') this.#choice = saved;
		} catch {
			// Reading storage throws inside a cross-origin frame that blocks it (embeds): no choice saved.
		}
	}

	get reduced(): boolean {
		return this.#choice ? this.#choice === 'reduce' : this.#system.current;
	}

	set reduced(value: boolean) {
		this.#choice = value ? 'reduce' : 'full';
		try {
			localStorage.setItem(KEY, this.#choice);
		} catch {
			// Private browsing may refuse storage; the choice still holds for this page.
		}
	}
}

export const motion = new MotionPreference();
