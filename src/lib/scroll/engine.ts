import { activeStep, type StepBox } from './active-step';
import type { ScrollSource } from './source';
import type { ScrollState } from './scroll-state.svelte';

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
		elements = [...root.querySelectorAll<HTMLElement>('[data-step]')].filter(
			(el) => el.offsetParent !== null || el.getClientRects().length > 0
		);
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
		state.y = y;
		const max = pageHeight - vh;
		state.pageProgress = max > 0 ? Math.min(1, Math.max(0, y / max)) : 0;
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
	// The fonts can arrive after the engine is gone: a destroyed engine measures nothing.
	let live = true;
	root.ownerDocument.fonts?.ready.then(() => live && remeasure());

	return {
		remeasure,
		destroy() {
			live = false;
			unsubscribe();
			resizes.disconnect();
			cancelAnimationFrame(frame);
		}
	};
}
