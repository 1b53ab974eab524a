/**
 * The starfield on the main thread: the fallback where a Worker cannot draw WebGL into an
 * OffscreenCanvas (see create-worker-starfield.ts for the usual path). This module imports
 * three.js, so it is only ever reached through a dynamic import from Starfield.svelte once the
 * finale is near; nothing here runs on the server.
 *
 * Returns null when WebGL 2 is unavailable (the caller shows the 2D fallback).
 */
import { watchIntersection, watchPageVisibility, watchSize, type Cleanup } from './lifecycle';
import { chapterStarPositions } from './chapter-positions';
import { createSkyRenderer } from './sky-renderer';
import type { StarfieldHandle, StarfieldOptions } from './types';

export function createStarfield(
	canvas: HTMLCanvasElement,
	options: StarfieldOptions = {}
): StarfieldHandle | null {
	const chapters = options.chapters ?? [];
	const sky = createSkyRenderer(
		canvas,
		{
			seed: options.seed,
			chapterCount: chapters.length,
			stars: options.stars,
			minStars: options.minStars,
			reducedMotion: options.reducedMotion,
			targetMs: options.targetMs,
			maxPixelRatio: options.maxPixelRatio,
			devicePixelRatio: window.devicePixelRatio || 1,
			width: canvas.clientWidth,
			height: canvas.clientHeight
		},
		options.onQuality
	);
	if (!sky) return null;

	let onScreen = false;
	let hidden = document.hidden;
	const update = () => sky.setVisible(onScreen && !hidden);
	const resize = () => sky.setSize(canvas.clientWidth, canvas.clientHeight);

	const cleanups: Cleanup[] = [
		watchIntersection(canvas, (v) => {
			onScreen = v;
			update();
		}),
		watchPageVisibility((h) => {
			hidden = h;
			update();
		}),
		watchSize(canvas, resize)
	];
	let disposed = false;

	return {
		setProgress: (p) => sky.setProgress(p),
		resize,
		setReducedMotion: (r) => sky.setReducedMotion(r),
		chapterStarPositions: () => chapterStarPositions(canvas, chapters, options.seed),
		stats: () => sky.stats(),
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const off of cleanups.reverse()) off();
			sky.dispose();
		}
	};
}
