/**
 * The presenter's keyboard: which key does what, and the list the help dialog shows. Pure
 * functions over the deck's state, shared by the projector and the speaker view.
 */
import type { Action, DeckState } from './deck';

export interface KeyInput {
	key: string;
	shiftKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Tab', 'Fn']);

/**
 * What a key does in the presenter. Clickers send PageDown/PageUp (some send arrows, F5 for
 * "start" and `.` or `b` for a black screen), so those are all covered.
 *
 * - While blacked out, any key (B included) brings the slide back and does nothing else.
 * - While the go-to dialog is open, its input owns the keyboard.
 * - While help or the overview is open, only the key that opened it (or Escape) closes it.
 * - With Ctrl, Cmd or Alt held, the browser's own shortcut wins (Ctrl+P prints, Alt+← goes back).
 */
export function actionForKey(e: KeyInput, state: Pick<DeckState, 'blackout' | 'overlay'>) {
	if (e.ctrlKey || e.metaKey || e.altKey) return null;
	if (MODIFIER_KEYS.has(e.key)) return null;
	if (state.blackout) return { type: 'blackout', on: false } as const satisfies Action;

	const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
	if (state.overlay === 'goto') return null;
	if (state.overlay === 'help') {
		return k === '?' || k === 'h' || k === 'Escape' ? ({ type: 'close' } as const) : null;
	}
	if (state.overlay === 'overview') {
		return k === 'o' || k === 'Escape' ? ({ type: 'close' } as const) : null;
	}

	switch (k) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
			return { type: 'next' } as const;
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
			return { type: 'prev' } as const;
		case ' ':
		case 'Spacebar':
			return e.shiftKey ? ({ type: 'prev' } as const) : ({ type: 'next' } as const);
		case 'Home':
			return { type: 'first' } as const;
		case 'End':
			return { type: 'last' } as const;
		case 'f':
		case 'F5':
			return { type: 'fullscreen' } as const;
		case 'b':
		case '.':
			return { type: 'blackout' } as const;
		case 'o':
			return { type: 'open', overlay: 'overview' } as const;
		case 'g':
			return { type: 'open', overlay: 'goto' } as const;
		case '?':
		case 'h':
			return { type: 'open', overlay: 'help' } as const;
		case 's':
			return { type: 'notes' } as const;
		default:
			return null;
	}
}

export interface KeyRow {
	keys: string[];
	what: string;
}

/** The key list the help dialog shows; kept next to `actionForKey` so the two agree. */
export const KEY_HELP: KeyRow[] = [
	{ keys: ['→', 'Space', 'Page Down', '↓'], what: 'Next slide' },
	{ keys: ['←', 'Shift + Space', 'Page Up', '↑'], what: 'Previous slide' },
	{ keys: ['Home', 'End'], what: 'First / last slide' },
	{ keys: ['G'], what: 'Go to a slide by number' },
	{ keys: ['O'], what: 'Overview of every chapter' },
	{ keys: ['B', '.'], what: 'Black screen (any key returns)' },
	{ keys: ['F'], what: 'Full screen (Esc leaves it)' },
	{ keys: ['S'], what: 'Open the speaker view in a new window' },
	{ keys: ['?'], what: 'This help' }
];

/**
 * The class poll's keys (lib/poll/teacher-view.svelte.ts), listed in the help where the poll
 * server answers: on a static host they do nothing, so they are not offered.
 */
export const POLL_KEY_HELP: KeyRow[] = [
	{ keys: ['J'], what: 'Class poll: start a room, show or hide its join screen' },
	{ keys: ['P'], what: "Open this slide's poll, or close the open one" },
	{ keys: ['R'], what: 'Show or hide the poll results on this screen' },
	{ keys: ['T'], what: 'Class pace: phones follow these slides, or page on their own' }
];
