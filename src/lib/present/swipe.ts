/**
 * Horizontal swipes by touch or pen (a mouse drag is not a swipe): calls `on(-1)` for a swipe to
 * the left (next) and `on(1)` to the right (previous). A Svelte action: listeners go with the node.
 */
export function swipe(node: HTMLElement, on: (direction: -1 | 1) => void) {
	let from: { x: number; y: number; id: number } | null = null;
	let handler = on;
	const down = (e: PointerEvent) => {
		if (e.pointerType !== 'mouse') from = { x: e.clientX, y: e.clientY, id: e.pointerId };
	};
	const up = (e: PointerEvent) => {
		if (!from || e.pointerId !== from.id) return;
		const dx = e.clientX - from.x;
		const dy = e.clientY - from.y;
		from = null;
		if (Math.abs(dx) < 50 || Math.abs(dx) < Math.abs(dy) * 1.2) return;
		handler(dx < 0 ? -1 : 1);
	};
	const cancel = () => (from = null);
	node.addEventListener('pointerdown', down);
	node.addEventListener('pointerup', up);
	node.addEventListener('pointercancel', cancel);
	return {
		update(next: typeof on) {
			handler = next;
		},
		destroy() {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', cancel);
		}
	};
}
