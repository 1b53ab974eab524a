/**
 * How far the reader is through one step's own text card, 0..1: 0 as its top crosses the middle
 * of the screen (where the story's steps change), 1 as its bottom does.
 *
 * The story's shared progress runs from a step to the next step's top, so that it flows across
 * the gaps between cards. For the last step of a chapter the next step is the first of the next
 * chapter, past the chapter's cards and lists, and that progress barely moves while the card is
 * read. A graphic that brings up several items within one step reads this one instead. It is null
 * where the step has no card on the page (a projected slide), and the caller keeps its own.
 */
export function useCardProgress(stepId: () => string) {
	let value = $state<number | null>(null);
	$effect(() => {
		const id = stepId();
		const card = id ? document.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`) : null;
		if (!card) {
			value = null;
			return;
		}
		let frame = 0;
		const measure = () => {
			frame = 0;
			const r = card.getBoundingClientRect();
			const p = r.height > 0 ? (window.innerHeight / 2 - r.top) / r.height : 0;
			value = Math.min(1, Math.max(0, p));
		};
		const schedule = () => {
			frame ||= requestAnimationFrame(measure);
		};
		measure();
		window.addEventListener('scroll', schedule, { passive: true });
		window.addEventListener('resize', schedule);
		return () => {
			cancelAnimationFrame(frame);
			window.removeEventListener('scroll', schedule);
			window.removeEventListener('resize', schedule);
		};
	});
	return {
		get value() {
			return value;
		}
	};
}
