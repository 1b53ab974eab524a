/**
 * What the page side of either WebGL path (main thread or worker) knows about its canvas: the
 * start-up figures for the sky, and when it can be seen or has changed size. No three.js here.
 */
import { watchIntersection, watchPageVisibility, watchSize, type Cleanup } from './lifecycle';
import type { SkyInit } from './sky-renderer';
import type { StarfieldOptions } from './types';

export function skyInit(canvas: HTMLCanvasElement, options: StarfieldOptions): SkyInit {
	return {
		seed: options.seed,
		chapterCount: options.chapters?.length ?? 0,
		stars: options.stars,
		minStars: options.minStars,
		reducedMotion: options.reducedMotion,
		progress: options.progress,
		targetMs: options.targetMs,
		maxPixelRatio: options.maxPixelRatio,
		devicePixelRatio: window.devicePixelRatio || 1,
		width: canvas.clientWidth,
		height: canvas.clientHeight
	};
}

/** Visible means on screen and the tab not hidden: a hidden sky must not spend GPU time. */
export function watchCanvas(
	canvas: HTMLCanvasElement,
	onVisible: (visible: boolean) => void,
	onResize: () => void
): Cleanup {
	let onScreen = false;
	let hidden = document.hidden;
	const update = () => onVisible(onScreen && !hidden);
	const cleanups: Cleanup[] = [
		watchIntersection(canvas, (v) => {
			onScreen = v;
			update();
		}),
		watchPageVisibility((h) => {
			hidden = h;
			update();
		}),
		watchSize(canvas, onResize)
	];
	return () => {
		for (const off of cleanups.reverse()) off();
	};
}
