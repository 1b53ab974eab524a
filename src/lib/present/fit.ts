import { webFontsIn } from '$lib/styles/web-fonts';
/**
 * Shrinks a slide's type until it fits its box: sets `--fit` (1 down to `min`) on the element,
 * whose font size is expected to be multiplied by it. Re-fits when the key (the slide id) changes,
 * when the box resizes and once the web fonts have loaded.
 */
export function fit(node: HTMLElement, key: unknown, min = 0.6) {
	let frame = 0;
	const measure = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(() => {
			let scale = 1;
			node.style.setProperty('--fit', '1');
			while (node.scrollHeight > node.clientHeight + 1 && scale > min) {
				scale = Math.max(min, +(scale - 0.05).toFixed(2));
				node.style.setProperty('--fit', String(scale));
			}
		});
	};
	const observer = new ResizeObserver(measure);
	observer.observe(node);
	// The fonts can arrive after the slide is gone: a destroyed fit measures nothing.
	let live = true;
	webFontsIn().then(
		() => live && measure(),
		() => {}
	);
	measure();
	return {
		update(_next: unknown) {
			measure();
		},
		destroy() {
			live = false;
			cancelAnimationFrame(frame);
			observer.disconnect();
		}
	};
}
