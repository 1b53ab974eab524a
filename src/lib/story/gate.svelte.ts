import { flushSync } from 'svelte';

const KEY = 'strangers:spoilers';

/**
 * The spoiler gate (DESIGN §1.0). Only JavaScript closes it, so without it nothing is withheld;
 * once the reader has passed it, it stays open for the rest of the tab's session.
 */
export class SpoilerGate {
	closed = $state(false);

	/** Opens the gate and remembers that the reader chose to go on. */
	open = () => {
		this.closed = false;
		try {
			sessionStorage.setItem(KEY, 'seen');
		} catch {
			// Storage refused (private mode): the gate stays open for this page.
		}
	};

	/** The reader went through it earlier in this session. */
	seen(): boolean {
		try {
			return sessionStorage.getItem(KEY) === 'seen';
		} catch {
			return false;
		}
	}

	/** Opens it at once (the DOM updated on return) when `el` lies in the withheld `story`. */
	openFor(el: Element, story: HTMLElement) {
		if (this.closed && story.contains(el)) flushSync(this.open);
	}
}
