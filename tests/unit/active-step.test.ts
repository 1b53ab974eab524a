import { describe, expect, it } from 'vitest';
import { activeStep } from '$lib/scroll/active-step';

const boxes = [
	{ top: 1000, height: 300 },
	{ top: 1500, height: 300 },
	{ top: 2000, height: 400 }
];

describe('activeStep', () => {
	it('is -1 before the first step reaches the trigger line', () => {
		expect(activeStep(boxes, 0, 800)).toEqual({ index: -1, progress: 0 });
		expect(activeStep(boxes, 599, 800)).toEqual({ index: -1, progress: 0 });
	});

	it('activates a step as its top crosses the middle of the viewport', () => {
		expect(activeStep(boxes, 600, 800)).toEqual({ index: 0, progress: 0 });
	});

	it('measures progress up to the next step, across the gap', () => {
		expect(activeStep(boxes, 850, 800)).toEqual({ index: 0, progress: 0.5 });
		expect(activeStep(boxes, 1099, 800).index).toBe(0);
		expect(activeStep(boxes, 1100, 800)).toEqual({ index: 1, progress: 0 });
	});

	it("runs a chapter's last step through its own box, not to the next chapter", () => {
		const chapters = [{ ...boxes[0]!, last: true }, boxes[1]!, boxes[2]!];
		expect(activeStep(chapters, 750, 800)).toEqual({ index: 0, progress: 0.5 });
		expect(activeStep(chapters, 1000, 800)).toEqual({ index: 0, progress: 1 });
		expect(activeStep(chapters, 1100, 800)).toEqual({ index: 1, progress: 0 });
	});

	it('uses the last step own height and clamps at 1', () => {
		expect(activeStep(boxes, 1800, 800)).toEqual({ index: 2, progress: 0.5 });
		expect(activeStep(boxes, 99999, 800)).toEqual({ index: 2, progress: 1 });
	});

	it('honours another trigger ratio', () => {
		expect(activeStep(boxes, 800, 800, 0.25)).toEqual({ index: 0, progress: 0 });
	});

	it('returns -1 for no steps, and handles zero-height steps', () => {
		expect(activeStep([], 500, 800)).toEqual({ index: -1, progress: 0 });
		expect(activeStep([{ top: 0, height: 0 }], 500, 800)).toEqual({ index: 0, progress: 1 });
	});

	it('lands in the same place whatever the history (a fling)', () => {
		const direct = activeStep(boxes, 1700, 800);
		let last = activeStep(boxes, 0, 800);
		for (let y = 0; y <= 5000; y += 937) last = activeStep(boxes, y, 800);
		last = activeStep(boxes, 1700, 800);
		expect(last).toEqual(direct);
	});
});
