/**
 * The starfield on the main thread: the fallback where a Worker cannot draw WebGL into an
 * OffscreenCanvas (see create-worker-starfield.ts for the usual path). This module imports
 * three.js, so it is only ever reached through a dynamic import from Starfield.svelte once the
 * finale is near; nothing here runs on the server.
 *
 * Returns null when WebGL 2 is unavailable (the caller shows the 2D fallback).
 */
import { skyInit, watchCanvas } from './canvas-host';
import { chapterStarPositions } from './chapter-positions';
import { createSkyRenderer } from './sky-renderer';
import type { StarfieldHandle, StarfieldOptions } from './types';

export function createStarfield(
	canvas: HTMLCanvasElement,
	options: StarfieldOptions = {}
): StarfieldHandle | null {
	const sky = createSkyRenderer(canvas, skyInit(canvas, options), options.onQuality);
	if (!sky) return null;
	const resize = () => sky.setSize(canvas.clientWidth, canvas.clientHeight);
	const unwatch = watchCanvas(canvas, (v) => sky.setVisible(v), resize);
	let disposed = false;

	return {
		setProgress: (p) => sky.setProgress(p),
		resize,
		setReducedMotion: (r) => sky.setReducedMotion(r),
		chapterStarPositions: () => chapterStarPositions(canvas, options.chapters ?? [], options.seed),
		stats: () => sky.stats(),
		dispose() {
			if (disposed) return;
			disposed = true;
			unwatch();
			sky.dispose();
		}
	};
}
