/**
 * The WebGL sky itself, with no DOM in it: it draws into an HTMLCanvasElement on the main thread
 * or into an OffscreenCanvas inside a Worker (starfield.worker.ts), and is told its size, whether
 * it can be seen, the hand-over's progress and the motion preference by whoever hosts it. It owns
 * the renderer, the star buffers, the frame loop, adaptive quality and context-loss recovery.
 *
 * Returns null when WebGL 2 is unavailable. We ask for the context ourselves first because
 * three.js logs a console error before it throws.
 */
import { Camera, Color, SRGBColorSpace, Scene, WebGLRenderer } from 'three';
import { generateStars, type StarData } from './generate-stars';
import { clearColorAt } from './handover';
import { createFrameRequest, createLoop, watchContextLoss, type Cleanup } from './lifecycle';
import { createStarPoints, createUniforms } from './points';
import { createQualityController, qualityLadder } from './quality';
import type { StarfieldStats } from './types';

/** What a sky needs to start: plain data, so it can be posted to a Worker. */
export interface SkyInit {
	seed?: number;
	chapterCount: number;
	stars?: number;
	minStars?: number;
	reducedMotion?: boolean;
	progress?: number;
	targetMs?: number;
	maxPixelRatio?: number;
	devicePixelRatio: number;
	width: number;
	height: number;
}

export interface SkyRenderer {
	setSize(width: number, height: number): void;
	/** on screen and the page not hidden: the only time frames run continuously */
	setVisible(visible: boolean): void;
	setProgress(p: number): void;
	setReducedMotion(reduced: boolean): void;
	/** draws one frame now, compiling the shaders if they are not yet */
	drawNow(): void;
	stats(): StarfieldStats;
	/** frees buffers, program and renderer, then the context itself; returns isContextLost() */
	dispose(): boolean;
}

const CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
	alpha: false,
	antialias: false,
	depth: false,
	stencil: false,
	premultipliedAlpha: true,
	preserveDrawingBuffer: false,
	powerPreference: 'default'
};

export function createSkyRenderer(
	canvas: HTMLCanvasElement | OffscreenCanvas,
	init: SkyInit,
	onQuality?: (stats: StarfieldStats) => void
): SkyRenderer | null {
	const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES) as WebGL2RenderingContext | null;
	if (!gl) return null;

	let renderer: WebGLRenderer;
	try {
		renderer = new WebGLRenderer({ canvas, context: gl, antialias: false, depth: false });
	} catch {
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return null;
	}

	const data: StarData = generateStars({
		seed: init.seed,
		fieldCount: init.stars,
		chapterCount: init.chapterCount
	});
	const scene = new Scene();
	// the shader writes clip-space positions directly; the camera only satisfies render()
	const camera = new Camera();
	const uniforms = createUniforms();
	const clearColor = new Color();
	let gpu = createStarPoints(data, uniforms);
	scene.add(gpu.points);

	const ladder = qualityLadder({
		maxStars: data.count,
		minStars: Math.min(data.count, Math.max(data.fieldStart, init.minStars ?? 12000)),
		devicePixelRatio: init.devicePixelRatio || 1,
		maxPixelRatio: init.maxPixelRatio ?? 2
	});
	const quality = createQualityController({ levels: ladder, targetMs: init.targetMs });

	let width = Math.max(1, init.width);
	let height = Math.max(1, init.height);
	let progress = clampProgress(init.progress ?? 0);
	let reduced = init.reducedMotion ?? false;
	let visible = false;
	let contextLost = false;
	let disposed = false;
	let t0 = -1;
	let time = 0;

	function applyLevel() {
		gpu.setDrawCount(quality.level.stars);
		renderer.setPixelRatio(quality.level.pixelRatio);
		resize();
	}

	function resize() {
		if (disposed || contextLost) return;
		renderer.setSize(width, height, false);
		const pr = renderer.getPixelRatio();
		uniforms.uAspect.value = width / height;
		uniforms.uPixelRatio.value = pr;
		uniforms.uViewport.value = [width * pr, height * pr];
		frame.request();
	}

	function render() {
		if (disposed || contextLost) return;
		uniforms.uProgress.value = progress;
		uniforms.uTime.value = reduced ? 0 : time;
		uniforms.uMotion.value = reduced ? 0 : 1;
		const [r, g, b] = clearColorAt(progress);
		renderer.setClearColor(clearColor.setRGB(r, g, b, SRGBColorSpace), 1);
		renderer.render(scene, camera);
	}

	const frame = createFrameRequest(render);

	const loop = createLoop((now, dt) => {
		if (t0 < 0) t0 = now;
		time = (now - t0) / 1000;
		if (dt > 0 && quality.sample(dt)) {
			applyLevel();
			onQuality?.(stats());
		}
		render();
	});

	/** The one place that decides whether frames are drawn continuously. */
	function updateLoop() {
		const run = !disposed && !contextLost && visible && !reduced;
		if (run && !loop.running) {
			// intervals measured across a pause would read as one very slow frame
			quality.reset();
			loop.start();
		} else if (!run && loop.running) {
			loop.stop();
		}
		if (!run && visible) frame.request();
	}

	const cleanups: Cleanup[] = [
		watchContextLoss(canvas, {
			lost() {
				contextLost = true;
				loop.stop();
				frame.cancel();
			},
			restored() {
				// three re-initialises its GL state on restore; our buffers and program are rebuilt
				// from the CPU arrays we kept, since everything on the GPU is gone
				scene.remove(gpu.points);
				gpu.dispose();
				gpu = createStarPoints(data, uniforms);
				scene.add(gpu.points);
				contextLost = false;
				uniforms.uMaxPointSize.value = maxPointSize(gl);
				applyLevel();
				updateLoop();
			}
		})
	];

	uniforms.uMaxPointSize.value = maxPointSize(gl);
	applyLevel();

	function stats(): StarfieldStats {
		return {
			renderer: 'webgl',
			stars: Math.min(quality.level.stars, data.count),
			pixelRatio: renderer.getPixelRatio(),
			frameMs: quality.meanMs,
			drawCalls: renderer.info.render.calls,
			level: quality.index
		};
	}

	return {
		setSize(w, h) {
			// Setting a canvas's size clears it, even to the size it has: the first size the page
			// reports (a ResizeObserver's first call) wiped the frame drawn before 'ready', and the
			// shown canvas stood black until the next frame came, up to a second in software WebGL.
			if (Math.max(1, w) === width && Math.max(1, h) === height) return;
			width = Math.max(1, w);
			height = Math.max(1, h);
			resize();
		},
		setVisible(v) {
			visible = v;
			updateLoop();
		},
		setProgress(p) {
			progress = clampProgress(p);
			if (!loop.running && visible) frame.request();
		},
		setReducedMotion(r) {
			reduced = r;
			updateLoop();
			if (visible) frame.request();
		},
		drawNow: render,
		stats,
		dispose() {
			if (disposed) return gl.isContextLost();
			disposed = true;
			loop.stop();
			frame.cancel();
			for (const off of cleanups.reverse()) off();
			scene.remove(gpu.points);
			gpu.dispose();
			renderer.dispose();
			// dispose() frees buffers and programs but not the context itself (DESIGN §8): twenty
			// mounts without this exhaust Chromium's limit of live contexts
			renderer.forceContextLoss();
			return gl.isContextLost();
		}
	};
}

function clampProgress(p: number): number {
	return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

function maxPointSize(gl: WebGL2RenderingContext): number {
	const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
	return range && range[1] ? range[1] : 64;
}
