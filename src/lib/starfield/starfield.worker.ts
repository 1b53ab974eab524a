/**
 * The starfield's Worker: star generation, shader compile and every frame happen here, on an
 * OffscreenCanvas transferred from the page, so none of it can block scrolling. The page talks
 * to it only through the messages in worker-protocol.ts; create-worker-starfield.ts is the other
 * end and the one that terminates this worker.
 */
import { REVISION } from 'three';
import { createSkyRenderer, type SkyRenderer } from './sky-renderer';
import type { FromWorker, ToWorker } from './worker-protocol';

const scope = self as unknown as {
	postMessage(message: FromWorker): void;
	onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
let sky: SkyRenderer | null = null;
/** stats go back at most twice a second: enough for a bench or a debugger, cheap for the page */
let statsTimer: ReturnType<typeof setInterval> | undefined;

const post = (message: FromWorker) => scope.postMessage(message);
/** Dedicated workers have requestAnimationFrame in Chromium and Firefox; elsewhere, a 60 Hz timer. */
const nextFrame = (fn: () => void) =>
	typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 16);

scope.onmessage = ({ data: message }) => {
	switch (message.type) {
		case 'init': {
			try {
				sky = createSkyRenderer(message.canvas, message.init, (stats) =>
					post({ type: 'stats', stats })
				);
			} catch (e) {
				post({ type: 'unavailable', reason: String(e) });
				return;
			}
			if (!sky) {
				post({ type: 'unavailable', reason: 'no WebGL 2 on OffscreenCanvas' });
				return;
			}
			// The page shows the canvas once it hears 'ready'. The first frame (the shaders' compile
			// with it) came after: on software WebGL at 1440×900 the canvas stood black for about a
			// second. Drawn first, the sky is there when the canvas shows. A frame drawn outside a
			// frame callback reaches the screen late or not at all (a jump to the projector's finale
			// showed black for up to a second after 'ready'), so the first frame is drawn in one and
			// 'ready' waits for the next, by when the first has been presented.
			const live = sky;
			live.drawNow();
			nextFrame(() => {
				if (sky !== live) return;
				live.drawNow();
				nextFrame(() => {
					if (sky !== live) return;
					statsTimer = setInterval(() => post({ type: 'stats', stats: live.stats() }), 500);
					post({ type: 'ready', stats: live.stats(), engine: `three.js r${REVISION}` });
				});
			});
			return;
		}
		case 'size':
			sky?.setSize(message.width, message.height);
			return;
		case 'visible':
			sky?.setVisible(message.visible);
			return;
		case 'progress':
			sky?.setProgress(message.progress);
			return;
		case 'reduced-motion':
			sky?.setReducedMotion(message.reduced);
			return;
		case 'dispose': {
			clearInterval(statsTimer);
			const contextLost = sky ? sky.dispose() : true;
			sky = null;
			post({ type: 'disposed', contextLost });
			return;
		}
	}
};
