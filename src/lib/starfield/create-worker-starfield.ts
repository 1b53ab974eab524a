/**
 * The usual path for the WebGL sky: the canvas's drawing is handed to a Worker
 * (starfield.worker.ts) through transferControlToOffscreen, so three.js, star generation, shader
 * compile and every frame run off the main thread. This side keeps what only the page can know
 * (size, visibility, the hand-over's progress, the motion preference) and posts it over. It
 * imports no three.js. It creates the worker, so it alone terminates it.
 *
 * Resolves null where the browser cannot do this (no transferControlToOffscreen, no module
 * workers, no WebGL 2 on OffscreenCanvas); the canvas is then spent, and the caller draws on a
 * fresh one.
 */
import { chapterStarPositions } from './chapter-positions';
import { skyInit, watchCanvas } from './canvas-host';
import type { StarfieldHandle, StarfieldOptions, StarfieldStats } from './types';
import { trackWorker, untrackWorker } from './worker-debug';
import type { FromWorker, ToWorker } from './worker-protocol';

/** How long a worker gets to finish dispose() and forceContextLoss() before it is terminated
 * anyway (which frees its context too); generous, as a busy page may read the answer late. */
const DISPOSE_GRACE_MS = 5000;

export function canUseWorker(canvas: HTMLCanvasElement): boolean {
	return (
		typeof Worker === 'function' &&
		typeof OffscreenCanvas === 'function' &&
		typeof canvas.transferControlToOffscreen === 'function'
	);
}

export function createWorkerStarfield(
	canvas: HTMLCanvasElement,
	options: StarfieldOptions = {},
	signal?: AbortSignal
): Promise<StarfieldHandle | null> {
	if (!canUseWorker(canvas)) return Promise.resolve(null);
	let worker: Worker;
	let offscreen: OffscreenCanvas;
	try {
		worker = new Worker(new URL('./starfield.worker.ts', import.meta.url), {
			type: 'module',
			name: 'starfield'
		});
		offscreen = canvas.transferControlToOffscreen();
	} catch {
		return Promise.resolve(null);
	}
	const id = trackWorker();
	const send = (message: ToWorker, transfer: Transferable[] = []) =>
		worker.postMessage(message, transfer);

	let latest: StarfieldStats | null = null;
	let terminated = false;
	let contextLive = false;
	function terminate() {
		if (terminated) return;
		terminated = true;
		worker.terminate();
		untrackWorker(id, contextLive);
	}

	return new Promise((resolve) => {
		let settled = false;
		const settle = (handle: StarfieldHandle | null) => {
			if (settled) return;
			settled = true;
			if (!handle) terminate();
			resolve(handle);
		};

		worker.addEventListener('error', (event) => {
			// the script failed to load or threw at start: the page falls back on its own
			event.preventDefault();
			settle(null);
		});
		worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
			switch (data.type) {
				case 'unavailable':
					settle(null);
					return;
				case 'ready':
					latest = data.stats;
					contextLive = true;
					canvas.dataset.engine = `${data.engine} (worker)`;
					settle(handle);
					return;
				case 'stats':
					if (latest && latest.level !== data.stats.level) options.onQuality?.(data.stats);
					latest = data.stats;
					return;
				case 'disposed':
					contextLive = !data.contextLost;
					terminate();
					return;
			}
		});

		send({ type: 'init', canvas: offscreen, init: skyInit(canvas, options) }, [offscreen]);

		const resize = () =>
			send({ type: 'size', width: canvas.clientWidth, height: canvas.clientHeight });
		const unwatch = watchCanvas(canvas, (visible) => send({ type: 'visible', visible }), resize);
		let disposed = false;

		const handle: StarfieldHandle = {
			setProgress: (progress) => send({ type: 'progress', progress }),
			resize,
			setReducedMotion: (reduced) => send({ type: 'reduced-motion', reduced }),
			chapterStarPositions: () =>
				chapterStarPositions(canvas, options.chapters ?? [], options.seed),
			// handed out only after 'ready', which brings the first figures
			stats: () => latest as StarfieldStats,
			dispose() {
				if (disposed) return;
				disposed = true;
				unwatch();
				const handedOut = settled;
				settle(null);
				if (terminated || !handedOut) return;
				// let the worker free the renderer and lose its context, then end it either way
				send({ type: 'dispose' });
				setTimeout(terminate, DISPOSE_GRACE_MS);
			}
		};
		// unmounted before the worker answered: nothing reaches the caller, so end it here
		signal?.addEventListener('abort', () => handle.dispose(), { once: true });
	});
}
