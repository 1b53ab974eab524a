/** A step's box in document coordinates (CSS px from the top of the scroll container). */
export interface StepBox {
	top: number;
	height: number;
	/**
	 * The last step of its chapter. Its progress runs through its own box: the next step is the
	 * next chapter's first, past the chapter's cards and lists, so progress to it would barely move
	 * while this step's card is read.
	 */
	last?: boolean;
}

export interface Active {
	/** Index of the active step, or -1 before the first one. */
	index: number;
	/** 0 at the step's top crossing the trigger line, 1 where the next step takes over. */
	progress: number;
}

/**
 * Which step the reader is on: the last one whose top has crossed a trigger line drawn
 * `triggerRatio` of the way down the viewport. Progress runs to the next step's top rather than
 * the step's own bottom, so it is continuous across the gaps between text cards; a chapter's last
 * step (and the very last one) runs to its own bottom.
 */
export function activeStep(
	boxes: readonly StepBox[],
	scrollY: number,
	viewportHeight: number,
	triggerRatio = 0.5
): Active {
	const line = scrollY + viewportHeight * triggerRatio;
	let lo = 0;
	let hi = boxes.length - 1;
	let index = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (boxes[mid]!.top <= line) {
			index = mid;
			lo = mid + 1;
		} else hi = mid - 1;
	}
	if (index < 0) return { index: -1, progress: 0 };
	const box = boxes[index]!;
	const next = boxes[index + 1];
	const span = next && !box.last ? next.top - box.top : box.height;
	const progress = span > 0 ? (line - box.top) / span : 1;
	return { index, progress: Math.min(1, Math.max(0, progress)) };
}
