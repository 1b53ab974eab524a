import { replaceHash } from '$lib/router.svelte';
import {
	reduce,
	indexForHash,
	clampIndex,
	type Action,
	type Deck,
	type DeckState,
	type Overlay
} from './deck';
import { openSync, type SyncMessage } from './sync';

/**
 * The live state of one presenting window (the projector or the speaker view): which slide, whether
 * the screen is black, which dialog is open. Changes made here are written to the URL hash and
 * told to the other windows; changes heard from them are applied without echoing back.
 */
export class Presenter {
	index = $state(0);
	blackout = $state(false);
	overlay = $state<Overlay | null>(null);

	readonly deck: Deck;
	#sync: ReturnType<typeof openSync> | null = null;

	constructor(deck: Deck) {
		this.deck = deck;
	}

	get slide() {
		return this.deck.slides[this.index]!;
	}

	get next() {
		return this.deck.slides[this.index + 1];
	}

	get count() {
		return this.deck.slides.length;
	}

	dispatch(action: Action): void {
		const before: DeckState = { index: this.index, blackout: this.blackout, overlay: this.overlay };
		const after = reduce(this.deck, before, action);
		this.index = after.index;
		this.blackout = after.blackout;
		this.overlay = after.overlay;
		if (after.index !== before.index || after.blackout !== before.blackout) {
			this.#writeUrl();
			this.#announce();
		}
	}

	go(index: number): void {
		this.dispatch({ type: 'go', index });
	}

	/**
	 * Start listening: the URL hash picks the first slide; a window with no hash asks the others
	 * where they are (the late joiner), a window with one tells them. Returns the cleanup.
	 */
	connect({ askFirst }: { askFirst: boolean }): () => void {
		const fromHash = indexForHash(this.deck, location.hash);
		if (fromHash !== null) this.index = fromHash;
		this.#sync = openSync((m) => this.#hear(m));
		if (askFirst || fromHash === null) this.#sync.post({ type: 'where' });
		else this.#announce();
		if (fromHash === null || location.hash.slice(1) !== this.slide.id) this.#writeUrl();

		const onHash = () => {
			const i = indexForHash(this.deck, location.hash);
			if (i !== null && i !== this.index) this.go(i);
		};
		addEventListener('hashchange', onHash);
		return () => {
			removeEventListener('hashchange', onHash);
			this.#sync?.close();
			this.#sync = null;
		};
	}

	#hear(m: SyncMessage): void {
		if (m.type === 'where') {
			this.#announce();
			return;
		}
		const i = this.deck.byId.get(m.id);
		if (i === undefined) return;
		const moved = i !== this.index;
		this.index = clampIndex(this.deck, i);
		this.blackout = m.blackout;
		if (moved) this.#writeUrl();
	}

	#announce(): void {
		this.#sync?.post({ type: 'here', id: this.slide.id, blackout: this.blackout });
	}

	#writeUrl(): void {
		replaceHash(`#${this.slide.id}`);
	}
}
