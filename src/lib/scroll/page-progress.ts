/**
 * How far through the page the reader is, 0–1, for the top bar. Chapters are drawn at their real
 * height the first time they near the screen (content-visibility: auto), so the page can grow
 * under a reader scrolling down, and `y / max` falls: 1.6% once in a full scroll at 390×844. Read
 * forwards, the bar holds until the reading catches up instead of stepping back; scrolled back,
 * or once the page has stopped growing, it is `y / max` again.
 */
export function pageProgress(
	previous: { y: number; progress: number },
	y: number,
	max: number
): number {
	const now = max > 0 ? Math.min(1, Math.max(0, y / max)) : 0;
	return y >= previous.y && now < previous.progress ? previous.progress : now;
}
