import { idFromHash } from '$lib/scroll/hash';

/** What counts as near: within one viewport's height above or below the screen. */
const NEAR = '100% 0px';

type Idle = (cb: () => void, opts?: { timeout: number }) => number;

/**
 * Calls `ready` once, in an idle moment (or after 300 ms at the latest), after `el` first comes
 * near the viewport; so the work it starts never lands in the middle of a scroll frame. Returns
 * the function that cancels both the watch and a pending call.
 */
export function whenNear(el: Element, ready: () => void): () => void {
	const idle: Idle = window.requestIdleCallback ?? ((cb) => window.setTimeout(cb, 1));
	const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
	let pending = 0;
	const io = new IntersectionObserver(
		(entries) => {
			if (pending || !entries.some((e) => e.isIntersecting)) return;
			io.disconnect();
			pending = idle(ready, { timeout: 300 });
		},
		{ rootMargin: NEAR }
	);
	io.observe(el);
	return () => {
		io.disconnect();
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
