/**
 * Whether the reader is at the keyboard. Focus moved by script (a landing, a menu opening, a note
 * opening) shows its ring to a keyboard reader, who needs to see where it went, and to no one
 * else: Chromium rings a heading focused after a page load or a tap, which left an orange ring on
 * a chapter's heading after every deep link and on the Chapters button after a pick on a phone.
 */
let last: 'key' | 'pointer' | null = null;
let watchers = 0;

const onKey = (e: KeyboardEvent) => {
	// A shortcut with a modifier is not a move through the page.
	if (!e.metaKey && !e.ctrlKey && !e.altKey) last = 'key';
};
const onPointer = () => {
	last = 'pointer';
};

/** Starts following the reader's input (shared by every caller); returns the release. */
export function watchModality(): () => void {
	if (watchers++ === 0) {
		addEventListener('keydown', onKey, true);
		addEventListener('pointerdown', onPointer, true);
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		if (--watchers > 0) return;
		removeEventListener('keydown', onKey, true);
		removeEventListener('pointerdown', onPointer, true);
		last = null;
	};
}

/** The last move was a key (before any move, as on arrival from a link, it was not). */
export const atKeyboard = () => last === 'key';

/**
 * Moves focus to `el`, ringed only for a keyboard reader. `focusVisible` is a FocusOptions member
 * that TypeScript's DOM types do not list yet; a browser without it keeps its own heuristic.
 */
export function moveFocus(el: HTMLElement, preventScroll = true): void {
	el.focus({ preventScroll, focusVisible: atKeyboard() } as FocusOptions);
}
