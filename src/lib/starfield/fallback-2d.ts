/**
 * The sky without WebGL: the same composition drawn on a 2D canvas, from the same star data and
 * the same hand-over curves. It draws the brightest few thousand stars (the arrays are sorted
 * brightest-first), only when progress or size changes: a still, never an animation loop.
 * The per-star rules mirror shaders.ts without the motion terms; change both together.
 */
import { generateStars, Kind, type StarData } from './generate-stars';
import {
	chapterReveal,
	clearColorAt,
	fillAmount,
	glowPresence,
	glowSize,
	revealThreshold,
	riseAt,
	smoothstep
} from './handover';
import { TOWER, WARM_STAR, type Point } from './layout';
import { createFrameRequest, watchSize, type Cleanup } from './lifecycle';
import { rgbToCss, type Rgb } from './palette';
import { chapterStarPositions } from './chapter-positions';
import type { StarfieldHandle, StarfieldOptions } from './types';

const FALLBACK_FIELD = 3000;

export function drawSky(
	ctx: CanvasRenderingContext2D,
	data: StarData,
	p: number,
	width: number,
	height: number,
	pixelRatio: number
) {
	const w = width * pixelRatio;
	const h = height * pixelRatio;
	const aspect = width / Math.max(1, height);
	const fill = fillAmount(p);
	const wash = (1 - fill) * (1 - 0.9 * glowSize(p));
	const threshold = revealThreshold(p);
	const city = 0.6 + 0.4 * smoothstep(0.1, 0.8, p);
	const toPx = (x: number, y: number): Point => [((x + 1) / 2) * w, ((1 - y) / 2) * h];

	ctx.globalCompositeOperation = 'source-over';
	ctx.fillStyle = rgbToCss(clearColorAt(p));
	ctx.fillRect(0, 0, w, h);
	ctx.globalCompositeOperation = 'lighter';

	const end = Math.min(data.count, data.fieldStart + FALLBACK_FIELD);
	for (let i = 0; i < end; i++) {
		const kind = data.role[i * 2] as number;
		if (kind === Kind.warm) continue;
		const bright = data.params[i * 4 + 1] as number;
		let x = data.end[i * 3] as number;
		let y = data.end[i * 3 + 1] as number;
		let coreR = (data.params[i * 4] as number) * 0.5 * pixelRatio;
		let alpha: number;
		let pane = false;
		if (kind === Kind.field) {
			const vis = smoothstep(threshold, threshold + 0.06, bright + 0.03);
			// fewer stars than the GPU draws, so each stands for a little more light
			alpha = vis * city * (0.1 + 0.9 * Math.pow(bright, 1.2)) * wash;
		} else if (kind === Kind.chapter) {
			alpha = chapterReveal(p) * bright * wash;
		} else {
			// Adam's and Harry's windows end inside the light and are lost in it
			const home = Math.hypot(x - WARM_STAR[0], y - WARM_STAR[1]) < 0.001;
			const r = riseAt(data.role[i * 2 + 1] as number, p);
			const sx = (data.start[i * 2] as number) / aspect;
			const sy = data.start[i * 2 + 1] as number;
			x = sx + (x - sx) * r;
			y = sy + (y - sy) * r + Math.sin(r * Math.PI) * 0.1;
			const windowR = TOWER.size * h * 0.25;
			coreR = windowR + (coreR - windowR) * smoothstep(0, 0.4, r);
			const lit = kind === Kind.windowLit ? bright : 0.13;
			alpha = (lit + (bright * 0.85 - lit) * r) * (1 - fill);
			if (home) alpha *= 1 - smoothstep(0.55, 1, r);
			pane = r < 0.15;
		}
		if (alpha < 0.004) continue;
		const [px, py] = toPx(x, y);
		ctx.fillStyle = rgbToCss(colorOf(data, i), Math.min(1, alpha));
		if (pane) {
			ctx.fillRect(px - coreR * 0.62, py - coreR * 0.86, coreR * 1.24, coreR * 1.72);
		} else if (coreR < 1) {
			const s = Math.max(1, coreR * 2);
			ctx.fillRect(px - s / 2, py - s / 2, s, s);
		} else {
			ctx.beginPath();
			ctx.arc(px, py, coreR, 0, Math.PI * 2);
			ctx.fill();
		}
	}

	drawWarmStar(ctx, data, p, w, h, toPx(WARM_STAR[0], WARM_STAR[1]));
	ctx.globalCompositeOperation = 'source-over';
}

function drawWarmStar(
	ctx: CanvasRenderingContext2D,
	data: StarData,
	p: number,
	w: number,
	h: number,
	[x, y]: Point
) {
	const presence = glowPresence(p);
	if (presence <= 0) return;
	const base = colorOf(data, data.warmIndex);
	const gs = glowSize(p);
	const radius = 7 + (Math.hypot(w, h) * 0.55 - 7) * gs;
	const g = ctx.createRadialGradient(x, y, 0, x, y, radius);
	g.addColorStop(0, rgbToCss(base, presence));
	g.addColorStop(gs > 0.05 ? 0.35 : 0.2, rgbToCss(base, presence * 0.35));
	// a long soft tail: a gradient that stops short shows its edge as a ring
	g.addColorStop(0.7, rgbToCss(base, presence * 0.08));
	g.addColorStop(1, rgbToCss(base, 0));
	ctx.fillStyle = g;
	ctx.fillRect(x - radius, y - radius, radius * 2, radius * 2);
}

function colorOf(data: StarData, i: number): Rgb {
	return [
		data.color[i * 3] as number,
		data.color[i * 3 + 1] as number,
		data.color[i * 3 + 2] as number
	];
}

/** Same handle as the WebGL starfield, drawn with a 2D context; null if even that is missing. */
export function createFallbackSky(
	canvas: HTMLCanvasElement,
	options: StarfieldOptions = {}
): StarfieldHandle | null {
	const ctx = canvas.getContext('2d');
	if (!ctx) return null;
	const chapters = options.chapters ?? [];
	const data = generateStars({
		seed: options.seed,
		fieldCount: Math.min(options.stars ?? FALLBACK_FIELD, FALLBACK_FIELD),
		chapterCount: chapters.length
	});
	let progress = 0;
	let pixelRatio = 1;
	let disposed = false;

	function render() {
		if (disposed) return;
		drawSky(
			ctx as CanvasRenderingContext2D,
			data,
			progress,
			canvas.clientWidth,
			canvas.clientHeight,
			pixelRatio
		);
	}
	const frame = createFrameRequest(render);

	function resize() {
		pixelRatio = Math.min(window.devicePixelRatio || 1, options.maxPixelRatio ?? 2);
		canvas.width = Math.max(1, Math.round(canvas.clientWidth * pixelRatio));
		canvas.height = Math.max(1, Math.round(canvas.clientHeight * pixelRatio));
		frame.request();
	}

	const cleanups: Cleanup[] = [watchSize(canvas, resize)];
	resize();

	return {
		setProgress(p: number) {
			progress = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
			frame.request();
		},
		resize,
		// already a still: nothing moves here
		setReducedMotion() {},
		chapterStarPositions: () => chapterStarPositions(canvas, chapters, options.seed),
		stats() {
			return {
				renderer: '2d',
				stars: Math.min(data.count, data.fieldStart + FALLBACK_FIELD),
				pixelRatio,
				frameMs: Number.NaN,
				drawCalls: 0,
				level: 0
			};
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			frame.cancel();
			for (const off of cleanups.reverse()) off();
		}
	};
}
