/** Pure arithmetic of scene timelines, kept free of GSAP and the DOM so it can be unit-tested. */

/**
 * Where a timeline should stand for a state and the progress through it.
 * A state's segment runs from its label to the next label (or the end of the timeline); the
 * segment animates *into* the state, so its end is the state's final look. Reduced motion shows
 * that final look and nothing in between.
 */
export function timeFor(
	labels: Readonly<Record<string, number>>,
	duration: number,
	state: string,
	progress: number,
	reduced: boolean
): number {
	const start = labels[state];
	if (start === undefined) return reduced ? duration : 0;
	let end = duration;
	for (const t of Object.values(labels)) if (t > start && t < end) end = t;
	if (reduced) return end;
	const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
	return start + p * (end - start);
}

/**
 * Progress through the run of consecutive steps that share the active step's state, so a state
 * named by two steps in a row plays once across both instead of rewinding at the second.
 */
export function runProgress(states: readonly string[], index: number, progress: number): number {
	if (index < 0 || index >= states.length) return 0;
	const state = states[index];
	let first = index;
	while (first > 0 && states[first - 1] === state) first--;
	let last = index;
	while (last < states.length - 1 && states[last + 1] === state) last++;
	const p = Math.min(1, Math.max(0, progress));
	return (index - first + p) / (last - first + 1);
}

/** Seek at once instead of easing when the jump is longer than this many segments. */
export const MAX_EASED_JUMP = 1.25;
