/**
 * Small listeners, each returning its own teardown, so whoever sets one up releases it in the
 * same breath (threlte style). No three.js here.
 */
export type Cleanup = () => void;

/** Calls back with whether el is within rootMargin of the viewport. */
export function watchIntersection(
	el: Element,
	onChange: (intersecting: boolean) => void,
	rootMargin = '0px'
): Cleanup {
	if (typeof IntersectionObserver === 'undefined') {
		// very old engines: assume visible rather than never drawing
		onChange(true);
		return () => {};
	}
	const io = new IntersectionObserver(
		(entries) => {
			const last = entries[entries.length - 1];
			if (last) onChange(last.isIntersecting);
		},
		{ rootMargin }
	);
	io.observe(el);
	return () => io.disconnect();
}

/** Calls back with document.hidden on every change: a hidden tab must not spend GPU time. */
export function watchPageVisibility(onChange: (hidden: boolean) => void): Cleanup {
	const handler = () => onChange(document.hidden);
	document.addEventListener('visibilitychange', handler);
	return () => document.removeEventListener('visibilitychange', handler);
}

/** Calls back with the element's CSS size whenever it changes (layout, not window, resizes). */
export function watchSize(el: Element, onChange: () => void): Cleanup {
	if (typeof ResizeObserver === 'undefined') {
		window.addEventListener('resize', onChange);
		return () => window.removeEventListener('resize', onChange);
	}
	const ro = new ResizeObserver(() => onChange());
	ro.observe(el);
	return () => ro.disconnect();
}

/**
 * The browser may take the GPU away (driver reset, too many contexts, a backgrounded mobile tab).
 * preventDefault on loss is what allows a restore at all.
 */
export function watchContextLoss(
	canvas: HTMLCanvasElement | OffscreenCanvas,
	handlers: { lost: () => void; restored: () => void }
): Cleanup {
	const onLost = (event: Event) => {
		event.preventDefault();
		handlers.lost();
	};
	const onRestored = () => handlers.restored();
	canvas.addEventListener('webglcontextlost', onLost);
	canvas.addEventListener('webglcontextrestored', onRestored);
	return () => {
		canvas.removeEventListener('webglcontextlost', onLost);
		canvas.removeEventListener('webglcontextrestored', onRestored);
	};
}

/**
 * requestAnimationFrame, which dedicated workers have in Chromium and Firefox; elsewhere a
 * worker falls back to a 60 Hz timer (never 0, so a handle is always truthy).
 */
type FrameCallback = (now: number) => void;
const raf: (cb: FrameCallback) => number =
	typeof requestAnimationFrame === 'function'
		? (cb) => requestAnimationFrame(cb)
		: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number;
const caf: (id: number) => void =
	typeof cancelAnimationFrame === 'function'
		? (id) => cancelAnimationFrame(id)
		: (id) => clearTimeout(id);

/** A requestAnimationFrame loop that can be started and stopped any number of times. */
export function createLoop(frame: (now: number, dtMs: number) => void) {
	let id = 0;
	let last = -1;
	const tick = (now: number) => {
		id = raf(tick);
		// the first frame after a (re)start has no meaningful interval
		const dt = last < 0 ? 0 : now - last;
		last = now;
		frame(now, dt);
	};
	return {
		start() {
			if (id) return;
			last = -1;
			id = raf(tick);
		},
		stop() {
			if (id) caf(id);
			id = 0;
		},
		get running() {
			return id !== 0;
		}
	};
}

/** One render on the next frame, however many times it is asked for before then. */
export function createFrameRequest(render: () => void) {
	let id = 0;
	return {
		request() {
			if (id) return;
			id = raf(() => {
				id = 0;
				render();
			});
		},
		cancel() {
			if (id) caf(id);
			id = 0;
		}
	};
}
