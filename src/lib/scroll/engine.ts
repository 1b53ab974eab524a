import { activeStep, type StepBox } from './active-step';
import { pageProgress } from './page-progress';
import type { ScrollSource } from './source';
import type { ScrollState } from './scroll-state.svelte';

// Fired on an element with `content-visibility: auto` when its contents start or stop being drawn.
const SKIP_CHANGE = 'contentvisibilityautostatechange';

/**
 * The step is laid out: not hidden (an embed's other chapters), and not inside a chapter the page
 * skips while it is far from the screen (content-visibility: auto). Measuring a skipped step
 * would make the browser lay its chapter out after all, which is the cost the skipping saves;
 * such steps are far from the trigger line anyway, and join when their chapter is drawn.
 */
function laidOut(el: HTMLElement): boolean {
	if (el.checkVisibility) return el.checkVisibility({ contentVisibilityAuto: true });
	return el.offsetParent !== null || el.getClientRects().length > 0;
}

interface Options {
	root: HTMLElement;
	state: ScrollState;
	source: ScrollSource;
	triggerRatio?: number;
}

/**
 * Watches `[data-step]` elements under `root` and writes the active one into `state`, with the
 * scroll offset and the page's progress, so that nothing else needs a scroll listener of its own.
 * Positions are measured once per layout change, not per scroll, so a scroll frame costs a
 * binary search and nothing that forces layout.
 */
export function createScrollEngine({ root, state, source, triggerRatio = 0.5 }: Options) {
	let elements: HTMLElement[] = [];
	let boxes: StepBox[] = [];
	let pageHeight = 0;
	let frame = 0;

	function measure() {
		elements = [...root.querySelectorAll<HTMLElement>('[data-step]')].filter(laidOut);
		const offset = root.ownerDocument.defaultView?.scrollY ?? 0;
		boxes = elements.map((el, i) => {
			const rect = el.getBoundingClientRect();
			const last = el.dataset.chapter !== elements[i + 1]?.dataset.chapter;
			return { top: rect.top + offset, height: rect.height, last };
		});
		pageHeight = root.ownerDocument.documentElement.scrollHeight;
	}

	function update() {
		frame = 0;
		const { y, vh } = source.read();
		const { index, progress } = activeStep(boxes, y, vh, triggerRatio);
		const el = elements[index];
		const id = el?.dataset.step ?? null;
		if (id !== state.stepId) {
			state.stepId = id;
			state.chapterId = el?.dataset.chapter ?? null;
			state.stepIndex = el ? Number(el.dataset.index ?? 0) : -1;
		}
		state.progress = progress;
		state.pageProgress = pageProgress(
			{ y: state.y, progress: state.pageProgress },
			y,
			pageHeight - vh
		);
		state.y = y;
	}

	const schedule = () => {
		frame ||= requestAnimationFrame(update);
	};
	const remeasure = () => {
		measure();
		schedule();
	};

	measure();
	update();
	const unsubscribe = source.subscribe(schedule);
	// Text reflows (fonts arriving, a resize, a chapter opening) move every step below it.
	const resizes = new ResizeObserver(remeasure);
	resizes.observe(root);
	// A chapter coming near the screen is drawn, one leaving it is skipped: the steps change. The
	// event does not bubble, so it is caught on its way down.
	root.addEventListener(SKIP_CHANGE, remeasure, true);
	// The fonts can arrive after the engine is gone: a destroyed engine measures nothing.
	let live = true;
	root.ownerDocument.fonts?.ready.then(() => live && remeasure());

	return {
		remeasure,
		destroy() {
			live = false;
			unsubscribe();
			resizes.disconnect();
			root.removeEventListener(SKIP_CHANGE, remeasure, true);
			cancelAnimationFrame(frame);
		}
	};
}
