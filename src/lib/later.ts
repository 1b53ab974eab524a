interface TaskScheduler {
	postTask(fn: () => void, options: { priority: string; signal: AbortSignal }): Promise<unknown>;
}

/**
 * Runs `fn` in a task of its own, soon. The reading page's start-up was one task of about 100 ms
 * on a laptop and four times that on a phone: hydration, then the top bar, the citation notes,
 * the share button and the scroll engine's first measurement, none of which the first screen
 * waits for. Each of those now starts here, so the browser can paint and answer a tap between
 * them. Returns the function that cancels a call not yet made.
 */
export function later(fn: () => void): () => void {
	const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
	if (scheduler?.postTask) {
		const stop = new AbortController();
		// An aborted task's promise rejects; that is the cancel doing its job.
		scheduler.postTask(fn, { priority: 'user-visible', signal: stop.signal }).catch(() => {});
		return () => stop.abort();
	}
	const timer = setTimeout(fn, 0);
	return () => clearTimeout(timer);
}

/** `later` as a promise: what follows an `await nextTask()` runs in a task of its own. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => void later(resolve));
}

/**
 * Runs `fn` once the next frame has been drawn: its layout is then up to date, so reading a
 * position costs nothing. Read in the task that had just changed the page (a hydration, a
 * restyle), the same read laid the whole page out inside that task. Returns the cancel.
 */
export function afterNextFrame(fn: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

interface IdleScheduler {
	requestIdleCallback?(fn: () => void, options: { timeout: number }): number;
	cancelIdleCallback?(id: number): void;
}

/** What says the reader is moving through the page. */
const ACTIVITY = ['scroll', 'wheel', 'touchmove', 'keydown'] as const;

/**
 * Runs `fn` once the page has loaded, then `afterMs` more, then once the reader has left the page
 * still for `quietMs` (no scroll, wheel, touch or key), then at the browser's next idle moment (at
 * most `idleWithinMs` later). For work no reader waits for that takes the network or the CPU for a
 * while, such as storing the offline copy: begun at load it ran beside the page's start-up, and
 * begun mid-scroll on two cores it stretched a frame past 50 ms. Returns the function that cancels
 * a call not yet made.
 */
export function whenSettled(
	fn: () => void,
	{
		afterMs = 3000,
		quietMs = 0,
		idleWithinMs = 3000
	}: { afterMs?: number; quietMs?: number; idleWithinMs?: number } = {}
): () => void {
	const idle = globalThis as IdleScheduler;
	let lastActive = -Infinity;
	const moved = () => void (lastActive = Date.now());
	const listen = quietMs > 0;
	if (listen)
		for (const type of ACTIVITY) addEventListener(type, moved, { capture: true, passive: true });
	const stopListening = () => {
		if (listen) for (const type of ACTIVITY) removeEventListener(type, moved, { capture: true });
	};

	let cancel = () => {};
	const idleThen = () => {
		stopListening();
		if (idle.requestIdleCallback && idle.cancelIdleCallback) {
			const id = idle.requestIdleCallback(fn, { timeout: idleWithinMs });
			cancel = () => idle.cancelIdleCallback!(id);
		} else fn();
	};
	const whenQuiet = () => {
		const left = lastActive + quietMs - Date.now();
		if (left <= 0) return idleThen();
		const timer = setTimeout(whenQuiet, left);
		cancel = () => clearTimeout(timer);
	};
	const wait = () => {
		const timer = setTimeout(whenQuiet, afterMs);
		cancel = () => clearTimeout(timer);
	};
	if (document.readyState === 'complete') wait();
	else {
		addEventListener('load', wait, { once: true });
		cancel = () => removeEventListener('load', wait);
	}
	return () => {
		stopListening();
		cancel();
	};
}
