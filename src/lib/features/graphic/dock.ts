/**
 * On a phone a chapter's graphic stands behind its text cards, and the cards pass over all of it
 * as the reader scrolls: a control drawn in the graphic is under a card for part of the chapter,
 * and a tap there lands on the card. `dock` moves the control out of the graphic into a band of
 * its own (`[data-scrolly-controls]`, styled in styles/base.css) that stays at the top of the
 * chapter's scrolling block, above the cards, as the top bar stays above the page. The band's
 * height is given to the block as `--controls-height`, so the graphic starts below it.
 *
 * Wide screens keep the control where it was drawn (the graphic stands beside the cards there),
 * and so does a framed embed, where nothing is sticky: the host page's scroll pins the graphic
 * (embed/child.ts). The band, its
 * observer and the media listener go with the control.
 */
export const DOCK_QUERY = '(max-width: 899px)';

export function dock(node: HTMLElement) {
	const scrolly = node.closest<HTMLElement>('[data-scrolly]');
	const steps = scrolly?.querySelector<HTMLElement>(':scope > [data-scrolly-steps]');
	if (!scrolly || !steps || window.parent !== window) return {};

	const band = document.createElement('div');
	band.setAttribute('data-scrolly-controls', '');
	const home = document.createComment('');
	node.before(home);
	const sized = new ResizeObserver(() => {
		scrolly.style.setProperty('--controls-height', `${band.offsetHeight}px`);
	});
	sized.observe(band);
	const phone = matchMedia(DOCK_QUERY);

	function place() {
		if (phone.matches && node.parentElement !== band) {
			steps!.before(band);
			band.append(node);
		} else if (!phone.matches && node.parentElement === band) {
			home.after(node);
			band.remove();
			scrolly!.style.removeProperty('--controls-height');
		}
	}
	place();
	phone.addEventListener('change', place);

	return {
		destroy() {
			phone.removeEventListener('change', place);
			sized.disconnect();
			// Back where Svelte put it, so that Svelte's own removal finds it.
			if (home.isConnected) home.replaceWith(node);
			else node.remove();
			band.remove();
			scrolly.style.removeProperty('--controls-height');
		}
	};
}
