/**
 * Where each chapter's star sits on a canvas, in CSS pixels: computed from the same
 * deterministic layout the stars are generated from, so the main thread never has to ask the
 * renderer (which may live in a Worker).
 */
import { DEFAULT_SEED } from './generate-stars';
import { chapterLayout, toCss } from './layout';
import type { ChapterRef, ChapterStarPosition } from './types';

export function chapterStarPositions(
	canvas: HTMLCanvasElement,
	chapters: readonly ChapterRef[],
	seed = DEFAULT_SEED
): ChapterStarPosition[] {
	return chapterLayout(chapters.length, seed).map((p, k) => ({
		id: (chapters[k] as ChapterRef).id,
		...toCss(p, canvas.clientWidth, canvas.clientHeight)
	}));
}
