/**
 * The WebGL starfield. This module imports three.js, so it is only ever reached through a dynamic
 * import from Starfield.svelte once the finale is near; nothing here runs on the server.
 *
 * Returns null when WebGL 2 is unavailable (the caller shows the 2D fallback). We ask for the
 * context ourselves first because three.js logs a console error before it throws.
 */
import { Camera, Color, SRGBColorSpace, Scene, WebGLRenderer } from 'three';
import { generateStars, type StarData } from './generate-stars';
import { clearColorAt } from './handover';
import { toCss, type Point } from './layout';
import {
	createFrameRequest,
	createLoop,
	watchContextLoss,
	watchIntersection,
	watchPageVisibility,
	watchSize,
	type Cleanup
} from './lifecycle';
import { createStarPoints, createUniforms } from './points';
import { createQualityController, qualityLadder } from './quality';
import type {
	ChapterStarPosition,
	StarfieldHandle,
	StarfieldOptions,
	StarfieldStats
} from './types';

const CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
	alpha: false,
	antialias: false,
	depth: false,
	stencil: false,
	premultipliedAlpha: true,
	preserveDrawingBuffer: false,
	powerPreference: 'default'
};

export function createStarfield(
	canvas: HTMLCanvasElement,
	options: StarfieldOptions = {}
): StarfieldHandle | null {
	const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES);
	if (!gl) return null;

	let renderer: WebGLRenderer;
	try {
		renderer = new WebGLRenderer({ canvas, context: gl, antialias: false, depth: false });
	} catch {
		loseContext(gl);
		return null;
	}

	const chapters = options.chapters ?? [];
	const data: StarData = generateStars({
		seed: options.seed,
		fieldCount: options.stars,
		chapterCount: chapters.length
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
		minStars: Math.min(data.count, Math.max(data.fieldStart, options.minStars ?? 12000)),
		devicePixelRatio: window.devicePixelRatio || 1,
		maxPixelRatio: options.maxPixelRatio ?? 2
	});
	const quality = createQualityController({ levels: ladder, targetMs: options.targetMs });

	let progress = 0;
	let reduced = options.reducedMotion ?? false;
	let onScreen = false;
	let hidden = typeof document !== 'undefined' && document.hidden;
	let contextLost = false;
	let disposed = false;
	let t0 = -1;
	let time = 0;

	function applyLevel() {
		const level = quality.level;
		gpu.setDrawCount(level.stars);
		renderer.setPixelRatio(level.pixelRatio);
		resize();
	}

	function resize() {
		if (disposed || contextLost) return;
		const w = Math.max(1, canvas.clientWidth);
		const h = Math.max(1, canvas.clientHeight);
		renderer.setSize(w, h, false);
		const pr = renderer.getPixelRatio();
		uniforms.uAspect.value = w / h;
		uniforms.uPixelRatio.value = pr;
		uniforms.uViewport.value = [w * pr, h * pr];
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
			options.onQuality?.(stats());
		}
		render();
	});

	/** The one place that decides whether frames are drawn continuously. */
	function updateLoop() {
		const run = !disposed && !contextLost && onScreen && !hidden && !reduced;
		if (run && !loop.running) {
			// intervals measured across a pause would read as one very slow frame
			quality.reset();
			loop.start();
		} else if (!run && loop.running) {
			loop.stop();
		}
		if (!run && onScreen && !hidden) frame.request();
	}

	const cleanups: Cleanup[] = [
		watchIntersection(canvas, (v) => {
			onScreen = v;
			updateLoop();
		}),
		watchPageVisibility((h) => {
			hidden = h;
			updateLoop();
		}),
		watchSize(canvas, resize),
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
	updateLoop();

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
		setProgress(p: number) {
			progress = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
			if (!loop.running) frame.request();
		},
		resize,
		setReducedMotion(r: boolean) {
			reduced = r;
			updateLoop();
			frame.request();
		},
		chapterStarPositions(): ChapterStarPosition[] {
			return chapters.map((c, k) => {
				const i = (data.chapterStart + k) * 3;
				const p: Point = [data.end[i] as number, data.end[i + 1] as number];
				return { id: c.id, ...toCss(p, canvas.clientWidth, canvas.clientHeight) };
			});
		},
		stats,
		dispose() {
			if (disposed) return;
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
		}
	};
}

function maxPointSize(gl: WebGL2RenderingContext): number {
	const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
	return range && range[1] ? range[1] : 64;
}

function loseContext(gl: WebGL2RenderingContext) {
	gl.getExtension('WEBGL_lose_context')?.loseContext();
}
