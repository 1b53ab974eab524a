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

interface IdleScheduler {
	requestIdleCallback?(fn: () => void, options: { timeout: number }): number;
	cancelIdleCallback?(id: number): void;
}

/**
 * Runs `fn` once the page has loaded, then `afterMs` more, then at the browser's next idle moment
 * (at most `idleWithinMs` later). For work no reader waits for that takes the network or the CPU
 * for a while, such as precaching: started at `load`, it ran alongside the page's start-up tasks.
 * Returns the function that cancels a call not yet made.
 */
export function whenSettled(
	fn: () => void,
	{ afterMs = 3000, idleWithinMs = 3000 }: { afterMs?: number; idleWithinMs?: number } = {}
): () => void {
	const idle = globalThis as IdleScheduler;
	let cancel = () => {};
	const idleThen = () => {
		if (idle.requestIdleCallback && idle.cancelIdleCallback) {
			const id = idle.requestIdleCallback(fn, { timeout: idleWithinMs });
			cancel = () => idle.cancelIdleCallback!(id);
		} else fn();
	};
	const wait = () => {
		const timer = setTimeout(idleThen, afterMs);
		cancel = () => clearTimeout(timer);
	};
	if (document.readyState === 'complete') wait();
	else {
		addEventListener('load', wait, { once: true });
		cancel = () => removeEventListener('load', wait);
	}
	return () => cancel();
}
