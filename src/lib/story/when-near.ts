import { idFromHash } from '$lib/scroll/hash';
import { afterNextFrame } from '$lib/later';

/** What counts as near: within one viewport's height above or below the screen. */
const NEAR = '100% 0px';

type Idle = (cb: () => void, opts?: { timeout: number }) => number;

const ENGAGING = ['scroll', 'wheel', 'pointerdown', 'touchstart', 'keydown'] as const;
let engaged: Promise<void> | null = null;

/**
 * Resolves when the reader first scrolls, taps, clicks or presses a key on this page (after a
 * frame if the page opened scrolled). Until then every still shows exactly what its live scene
 * would, so nothing is worth building while the page is still loading. One set of listeners per page, each
 * removed the moment any of them fires.
 */
function firstEngagement(): Promise<void> {
	return (engaged ??= new Promise<void>((resolve) => {
		const done = () => {
			for (const type of ENGAGING) window.removeEventListener(type, done, true);
			resolve();
		};
		for (const type of ENGAGING)
			window.addEventListener(type, done, { capture: true, passive: true });
		// Whether the page opened scrolled: read in the observer's first callback, scrollY laid
		// out the whole just-restyled page in that task.
		afterNextFrame(() => {
			if (window.scrollY > 0) done();
		});
	}));
}

/**
 * One observer for every element waiting to come near, made when the first one asks and dropped
 * when the last one is gone: eighteen chapters each with an observer of their own meant eighteen
 * first callbacks in the task after start-up. An element may be watched for more than one reason
 * (a chapter waking, then its scene), so each holds a set of callbacks.
 */
const watchers = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | null = null;

function watch(el: Element, near: () => void): () => void {
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				const calls = watchers.get(entry.target);
				if (!calls) continue;
				unwatchAll(entry.target);
				for (const call of calls) call();
			}
		},
		{ rootMargin: NEAR }
	);
	let calls = watchers.get(el);
	if (!calls) {
		calls = new Set();
		watchers.set(el, calls);
		observer.observe(el);
	}
	calls.add(near);
	return () => {
		const left = watchers.get(el);
		if (!left?.delete(near)) return;
		if (left.size === 0) unwatchAll(el);
	};
}

function unwatchAll(el: Element) {
	watchers.delete(el);
	observer?.unobserve(el);
	if (watchers.size === 0) {
		observer?.disconnect();
		observer = null;
	}
}

/**
 * Calls `ready` once `el` has come near the viewport and the reader has begun to read, in an idle
 * moment (or after 300 ms at the latest), so the work it starts lands neither in the page's load
 * nor in the middle of a scroll frame. Returns the function that cancels the watch, the wait and
 * a pending call.
 */
export function whenNear(el: Element, ready: () => void): () => void {
	const idle: Idle = window.requestIdleCallback ?? ((cb) => window.setTimeout(cb, 1));
	const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
	let pending = 0;
	let cancelled = false;
	const unwatch = watch(el, () => {
		void firstEngagement().then(() => {
			if (!cancelled) pending = idle(ready, { timeout: 300 });
		});
	});
	return () => {
		cancelled = true;
		unwatch();
		if (pending) cancelIdle(pending);
	};
}

/** The element the URL's hash names is `el` or inside it. */
export function holdsTarget(el: Element): boolean {
	const id = idFromHash(location.hash);
	if (!id) return false;
	const target = document.getElementById(id);
	return !!target && el.contains(target);
}
