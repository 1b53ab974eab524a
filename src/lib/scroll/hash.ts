/**
 * The URL's hash follows the reader. Pure helpers, so the rules can be tested without a browser:
 * at most one write per `wait` ms (the last value always lands), never a write before the reader
 * has moved, and never a write that would not change the URL.
 */

export interface Clock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
};

/**
 * Leading-and-trailing throttle: the first call runs at once, calls inside the window are folded
 * into one that runs when the window ends, with the latest argument.
 */
export function throttle<T>(fn: (value: T) => void, wait: number, clock: Clock = realClock) {
	let last = -Infinity;
	let pending: { value: T } | null = null;
	let timer: unknown = null;

	const flush = () => {
		timer = null;
		if (!pending) return;
		const { value } = pending;
		pending = null;
		last = clock.now();
		fn(value);
	};

	return {
		call(value: T) {
			pending = { value };
			const since = clock.now() - last;
			if (since >= wait && timer === null) flush();
			else if (timer === null) timer = clock.setTimeout(flush, wait - since);
		},
		cancel() {
			if (timer !== null) clock.clearTimeout(timer);
			timer = null;
			pending = null;
		}
	};
}

/** The hash for a place in the story: the step's id, or none at all before the first step. */
export function hashFor(stepId: string | null): string {
	return stepId ? `#${stepId}` : '';
}

/** Reads `#id` out of a hash, decoding it; null when empty or malformed. */
export function idFromHash(hash: string): string | null {
	const raw = hash.startsWith('#') ? hash.slice(1) : hash;
	if (!raw) return null;
	try {
		return decodeURIComponent(raw);
	} catch {
		return null;
	}
}

/**
 * Has the reader moved since landing? A programmatic scroll (landing on a deep link, the browser
 * restoring a position) records where the page rested (an offset, or a chapter's top on screen);
 * only a scroll that leaves it by more than `slack` counts.
 */
export function hasMoved(now: number, landedAt: number, slack = 8): boolean {
	return Math.abs(now - landedAt) > slack;
}
