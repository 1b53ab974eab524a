import { idFromHash } from '$lib/scroll/hash';
import { afterNextFrame } from '$lib/later';

/** What counts as near: within one viewport's height above or below the screen. */
const NEAR = '100% 0px';

type Idle = (cb: () => void, opts?: { timeout: number }) => number;

/*
 * The page's one set of window listeners, for two questions: has the reader shown intent yet (the
 * first scroll, wheel, touch, key or press), and, while some scene asks, which of those near the
 * screen are on it (scroll). Added when the first question is asked, removed when neither is
 * pending. Before, GSAP's loader and this module each kept their own set, and every built scene
 * had a ScrollTrigger of its own only to say whether it was on screen.
 */
const INTENT = ['scroll', 'wheel', 'pointerdown', 'touchstart', 'keydown'] as const;
const OPTIONS = { capture: true, passive: true } as const;
let intended: Promise<void> | null = null;
let resolveIntent: (() => void) | null = null;
let listening = false;

function onEvent(e: Event) {
	if (resolveIntent) {
		const done = resolveIntent;
		resolveIntent = null;
		done();
	}
	if (e.type === 'scroll') checkScreensSoon();
	syncListeners();
}

function syncListeners() {
	const want = resolveIntent !== null || screens.size > 0;
	if (want === listening) return;
	listening = want;
	for (const type of INTENT) {
		if (want) window.addEventListener(type, onEvent, OPTIONS);
		else window.removeEventListener(type, onEvent, OPTIONS);
	}
}

/**
 * Resolves when the reader first scrolls, taps, clicks or presses a key on this page (after a
 * frame if the page opened scrolled). Until then every still shows exactly what its live scene
 * would, so nothing is worth building while the page is still loading.
 */
export function firstIntent(): Promise<void> {
	return (intended ??= new Promise<void>((resolve) => {
		resolveIntent = resolve;
		syncListeners();
		// Whether the page opened scrolled: read in the observer's first callback, scrollY laid
		// out the whole just-restyled page in that task.
		afterNextFrame(() => {
			if (window.scrollY > 0 && resolveIntent) onEvent(new Event('intent'));
		});
	}));
}

/** The reader has shown intent already (a later call to `firstIntent` resolves at once). */
export function intentShown(): boolean {
	return intended !== null && resolveIntent === null;
}

/**
 * One observer for every element watched for nearness, made when the first one asks and dropped
 * when the last one is gone: eighteen chapters each with an observer of their own meant eighteen
 * first callbacks in the task after start-up. An element may be watched for more than one reason
 * (a chapter waking, then its scene), so each holds a set of callbacks, each told whether the
 * element is near.
 */
type Watch = (near: boolean) => void;
const watchers = new Map<Element, Set<Watch>>();
let observer: IntersectionObserver | null = null;

function watch(el: Element, call: Watch): () => void {
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				const calls = watchers.get(entry.target);
				if (calls) for (const c of [...calls]) c(entry.isIntersecting);
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
	calls.add(call);
	return () => {
		const left = watchers.get(el);
		if (!left?.delete(call)) return;
		if (left.size > 0) return;
		watchers.delete(el);
		observer?.unobserve(el);
		if (watchers.size === 0) {
			observer?.disconnect();
			observer = null;
		}
	};
}

/**
 * Tells `change` whether `el` is near the viewport (within a screen's height of it), first when
 * the observer has looked, then at each change. Returns the function that stops the watch.
 */
export function trackNear(el: Element, change: (near: boolean) => void): () => void {
	let last: boolean | null = null;
	return watch(el, (near) => {
		if (near !== last) change((last = near));
	});
}

/*
 * On screen: asked only of elements already near (a built scene), so the check reads the boxes
 * of two or three sections once a frame while the reader scrolls, and nothing otherwise.
 */
interface Screen {
	el: Element;
	margin: number;
	on: boolean | null;
	change: (on: boolean) => void;
}
const screens = new Set<Screen>();
let frame = 0;

function checkScreensSoon() {
	if (frame || screens.size === 0) return;
	frame = requestAnimationFrame(() => {
		frame = 0;
		const h = window.innerHeight;
		for (const s of screens) {
			const r = s.el.getBoundingClientRect();
			const on = r.bottom > -s.margin * h && r.top < h + s.margin * h;
			if (on !== s.on) s.change((s.on = on));
		}
	});
}

/**
 * Tells `change` whether any of `el` is on screen (or within `margin` screen heights of it), once
 * at the next frame and then as the reader scrolls. Returns the function that stops it (and the
 * scroll listening, with the last).
 */
export function trackOnScreen(el: Element, change: (on: boolean) => void, margin = 0): () => void {
	const s: Screen = { el, margin, on: null, change };
	screens.add(s);
	syncListeners();
	checkScreensSoon();
	return () => {
		screens.delete(s);
		if (screens.size === 0 && frame) {
			cancelAnimationFrame(frame);
			frame = 0;
		}
		syncListeners();
	};
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
	let unwatch = () => {};
	unwatch = watch(el, (near) => {
		if (!near) return;
		unwatch();
		void firstIntent().then(() => {
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
