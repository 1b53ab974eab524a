import { motion } from '$lib/motion.svelte';
import { idFromHash } from '$lib/scroll/hash';
import { frameOwner } from './frames';
import type { SpoilerGate } from './gate.svelte';
import type { UrlFollow } from './url-follow.svelte';
import { revealTarget } from './ParsedLater.svelte';
import { wakeHolding } from './islands';
import { moveFocus, watchModality } from '$lib/modality';

/**
 * The element `id` names, its chapter awake (islands) and the element brought into the page first
 * if it waits in unparsed markup.
 */
function findTarget(id: string | null | undefined): HTMLElement | null {
	if (!id) return null;
	wakeHolding(id);
	return document.getElementById(id) ?? revealTarget(id);
}

/** The element a landing moves focus to: the chapter heading, or the note itself. */
export function focusTarget(el: HTMLElement): HTMLElement {
	if (el.matches('section[id]')) return el.querySelector<HTMLElement>('h2') ?? el;
	if (el.hasAttribute('tabindex')) return el;
	return el.closest('section[id]')?.querySelector<HTMLElement>('h2') ?? el;
}

/**
 * Scrolls `el` to the top and moves focus where the eye lands: ringed for a keyboard reader,
 * unringed on a mouse or touch visit and on arrival (see `modality`).
 */
export function land(el: HTMLElement, smooth = false) {
	el.scrollIntoView({
		block: 'start',
		behavior: smooth && !motion.reduced ? 'smooth' : 'instant'
	});
	moveFocus(focusTarget(el));
}

interface Parts {
	/** The story's element: what the gate withholds. */
	story: HTMLElement;
	gate: SpoilerGate;
	follow: UrlFollow;
}

/**
 * Arrival: a deep link passes the gate (whoever shared it has already chosen) and lands on its
 * element; else a reader who has not seen the gate this session finds it closed. Returns the
 * element it landed on, if any.
 */
export function arrive({ story, gate }: Omit<Parts, 'follow'>): HTMLElement | null {
	const id = idFromHash(location.hash);
	const target = findTarget(id);
	const seen = gate.seen();
	if (target && story.contains(target)) {
		gate.open();
		land(target);
		return target;
	}
	if (!seen) gate.closed = true;
	return null;
}

/**
 * In-page links and hash changes: opens the gate for a place inside the withheld story, lands
 * there and keeps the URL on it. Returns the teardown, which removes its listeners and cancels
 * a pending landing frame.
 */
export function watchLinks({ story, gate, follow }: Parts): () => void {
	const frames = frameOwner();
	// A jump has come to rest (on the element it went to, or wherever the browser put it):
	// scrolling from here on is the reader's own.
	const settledOn = (at: HTMLElement) => () => follow.settle(at);
	const settled = () => follow.settle();

	// In-page links: one into the withheld story opens the gate before the browser follows it,
	// and focus lands where the eye does. (A citation mark is a button: CitePopover's.)
	const onClick = (e: MouseEvent) => {
		if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
			return;
		const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
		const linkId = a && idFromHash(a.getAttribute('href') ?? '');
		const el = findTarget(linkId);
		if (!a || !el) return;
		gate.openFor(el, story);
		// The jump is the reader's choice of place: the URL keeps it until they scroll on.
		follow.hold();
		follow.jumping = true;
		frames.twice(() => moveFocus(focusTarget(el)), settledOn(el));
	};

	// A hash typed in the address bar, or Back/Forward onto such an entry: SvelteKit keeps no
	// record of those (their history.state is null) and would leave the scroll where it was, so
	// land on the element ourselves. Entries SvelteKit made, it restores exactly: keep that.
	const onHashChange = () => {
		const el = findTarget(idFromHash(location.hash));
		if (!el) return;
		gate.openFor(el, story);
		follow.hold();
		const managed = !!history.state && 'sveltekit:history' in history.state;
		if (managed) {
			// SvelteKit restores this entry's scroll position around this event: that movement is
			// the browser's, not the reader's, so it must not rewrite the entry's hash.
			follow.jumping = true;
			moveFocus(focusTarget(el));
			frames.twice(() => {}, settled);
			return;
		}
		follow.jumping = true;
		frames.twice(() => land(el), settledOn(el));
	};

	// A typed hash or a step through history fires popstate first, and the browser may scroll to
	// the fragment before hashchange arrives: that scroll is the browser's, so the URL holds from
	// here. hashchange, when it follows, lands and settles in its turn.
	const onPopState = () => {
		follow.hold();
		follow.jumping = true;
		frames.twice(() => {}, settled);
	};

	const stopModality = watchModality();
	document.addEventListener('click', onClick, true);
	window.addEventListener('popstate', onPopState);
	window.addEventListener('hashchange', onHashChange);
	return () => {
		frames.cancel();
		stopModality();
		document.removeEventListener('click', onClick, true);
		window.removeEventListener('popstate', onPopState);
		window.removeEventListener('hashchange', onHashChange);
	};
}
