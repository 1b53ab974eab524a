import { webFontsIn } from '$lib/styles/web-fonts';

/** The smallest scale a slide's parts are set at: below it, words stop carrying to the back row. */
export const MIN_SCALE = 0.6;

/**
 * The largest scale from 1 down to `min`, in steps of 0.05, at which `overflows` is false (or
 * `min` when none is). `apply` sets a scale and `overflows` measures the result, so each try is
 * one layout of the slide's part, never of the page.
 */
export function shrinkToFit(
	apply: (scale: number) => void,
	overflows: () => boolean,
	min = MIN_SCALE
): number {
	let scale = 1;
	apply(scale);
	while (overflows() && scale > min) {
		scale = Math.max(min, +(scale - 0.05).toFixed(2));
		apply(scale);
	}
	return scale;
}

const overflowing = (el: Element) =>
	el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/**
 * The measuring shared by both fits: once a frame at most, when the key (the slide id) changes,
 * when the box resizes, when `watch` says its content changed, and once the web fonts are in.
 * While a measure is pending the node carries `data-fitting`, so a test (or a printer) can wait
 * for the slide to settle; the scale it chose is `data-fit`.
 */
function fitter(node: HTMLElement, run: () => number, watch?: (measure: () => void) => () => void) {
	let frame = 0;
	const measure = () => {
		cancelAnimationFrame(frame);
		node.dataset.fitting = '';
		frame = requestAnimationFrame(() => {
			node.dataset.fit = String(run());
			delete node.dataset.fitting;
		});
	};
	const observer = new ResizeObserver(measure);
	observer.observe(node);
	const unwatch = watch?.(measure);
	// The fonts can arrive after the slide is gone: a destroyed fit measures nothing.
	let live = true;
	webFontsIn().then(
		() => live && measure(),
		() => {}
	);
	measure();
	return {
		update(_next: unknown) {
			measure();
		},
		destroy() {
			live = false;
			cancelAnimationFrame(frame);
			observer.disconnect();
			unwatch?.();
		}
	};
}

/**
 * Shrinks a slide's type until it fits its box: sets `--fit` (1 down to `min`) on the element,
 * whose font size is expected to be multiplied by it.
 */
export function fit(node: HTMLElement, _key: unknown, min = MIN_SCALE) {
	return fitter(node, () =>
		shrinkToFit(
			(s) => node.style.setProperty('--fit', String(s)),
			() => overflowing(node),
			min
		)
	);
}

/**
 * Shrinks a slide's scene until it fits its pane. A scene is one full-bleed `.scene-root` (see
 * SceneFigure); the drawn ones scale with their SVG, but a reading chapter's graphic is HTML set
 * in rem, which no font size reaches. CSS `zoom` on the root keeps its box the pane's size and
 * lays its content out in a pane 1/zoom as large, so the graphic reflows and then is drawn
 * smaller: every clue, beat and row stays on the slide. The scene's content is watched, because
 * a graphic grows with its steps and a scene may arrive after the slide (a lazy figure).
 */
export function fitScene(node: HTMLElement, _key: unknown, min = MIN_SCALE) {
	const root = () => node.querySelector<HTMLElement>('.scene-root');
	return fitter(
		node,
		() => {
			const el = root();
			if (!el) return 1;
			return shrinkToFit(
				(s) => (el.style.zoom = s === 1 ? '' : String(s)),
				() => overflowing(el),
				min
			);
		},
		(measure) => {
			const mutations = new MutationObserver(measure);
			mutations.observe(node, { childList: true, characterData: true, subtree: true });
			return () => mutations.disconnect();
		}
	);
}
