/**
 * Where things sit in the frame. Everything is in "frame space": x and y in [-1, 1] stretched over
 * the canvas (like clip space), so the WebGL shader, the 2D fallback, the SVG still and the DOM
 * links (plain percentages) agree at every aspect ratio without a camera. The tower alone is laid
 * out in "height units" (x measured in frame heights) so it keeps its proportions; the shader and
 * the fallback divide its x by the aspect ratio.
 */
import { mulberry32 } from './prng';

export type Point = readonly [number, number];

/** The light between Adam and Harry, and the warm star it settles into. */
export const WARM_STAR: Point = [0.0, 0.14];

export const TOWER = {
	cols: 10,
	rows: 24,
	/** top row's centre, in height units */
	top: -0.16,
	dx: 0.032,
	dy: 0.036,
	/** window sprite size, in height units (the shader converts to pixels) */
	size: 0.02,
	/** Adam's window, high up, and Harry's, floors below (DESIGN §2 tower / knock sketches) */
	adam: { row: 3, col: 6 },
	harry: { row: 9, col: 3 }
} as const;

export function towerWindow(row: number, col: number): Point {
	const x = (col - (TOWER.cols - 1) / 2) * TOWER.dx;
	const y = TOWER.top - row * TOWER.dy;
	return [x, y];
}

/**
 * The chapters as a loose spiral path around the warm star: the reader's route through the piece,
 * in order, close enough to read as one constellation, far enough apart (> ~0.2 frame units) that
 * a 24 px hit target never overlaps its neighbour on a phone.
 */
export function chapterLayout(count: number, seed: number): Point[] {
	const rng = mulberry32(seed ^ 0x9e3779b9);
	const out: Point[] = [];
	const rMin = 0.3;
	const rMax = 0.95;
	// equal steps along the curve (not equal angles), so inner chapters are as far apart as outer
	const step = Math.min(0.6, 5.4 / Math.max(1, count));
	let theta = 2.35;
	for (let i = 0; i < count; i++) {
		const t = count === 1 ? 0.5 : i / (count - 1);
		const r = rMin + (rMax - rMin) * t;
		const jitter = (rng() - 0.5) * 0.04;
		const x = WARM_STAR[0] + (r + jitter) * 0.8 * Math.cos(theta);
		const y = WARM_STAR[1] + (r + jitter) * 0.72 * Math.sin(theta);
		out.push([clamp(x, -0.88, 0.88), clamp(y, -0.8, 0.86)]);
		theta += step / r;
	}
	return out;
}

/** Frame space to CSS pixels inside a box of the given size (y grows downwards in CSS). */
export function toCss(p: Point, width: number, height: number): { x: number; y: number } {
	return { x: ((p[0] + 1) / 2) * width, y: ((1 - p[1]) / 2) * height };
}

/** Frame space to percentages, for SSR-positioned links and the SVG still. */
export function toPercent(p: Point): { left: number; top: number } {
	return { left: ((p[0] + 1) / 2) * 100, top: ((1 - p[1]) / 2) * 100 };
}

function clamp(v: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, v));
}
