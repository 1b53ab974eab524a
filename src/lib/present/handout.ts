import { base } from '$app/paths';
import { fillAddress, handoutFacesIn, siteAddress } from '$lib/handout/address';
import { addWebFonts } from '$lib/styles/web-fonts';

/** How long the handout's page may take to load before the attempt is given up. */
export const HANDOUT_LOAD_TIMEOUT_MS = 15_000;

/**
 * Prints the class handout without leaving the presentation: loads `/handout` (a few A4 pages
 * made for paper) in an invisible frame and prints that frame. Resolves once the print dialog has
 * closed (Chromium blocks in print()), or once the frame has failed or taken longer than
 * `timeoutMs` to load; the frame is removed in every case.
 */
export function printHandout(url = '/handout', timeoutMs = HANDOUT_LOAD_TIMEOUT_MS): Promise<void> {
	return new Promise((resolve) => {
		const frame = document.createElement('iframe');
		frame.src = url;
		frame.title = 'Handout being prepared for printing';
		frame.setAttribute('aria-hidden', 'true');
		frame.tabIndex = -1;
		frame.dataset.handout = '';
		Object.assign(frame.style, {
			position: 'fixed',
			right: '0',
			bottom: '0',
			width: '1024px',
			height: '768px',
			border: '0',
			opacity: '0',
			pointerEvents: 'none',
			zIndex: '-1'
		});
		let finished = false;
		let settle: ReturnType<typeof setTimeout> | undefined;
		const done = () => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			clearTimeout(settle);
			frame.removeEventListener('load', onLoad);
			frame.remove();
			resolve();
		};
		// A frame that never loads (offline without a stored copy, a stalled server) must not leave
		// the button stuck on "Preparing" nor a frame behind.
		const timer = setTimeout(done, timeoutMs);
		async function onLoad() {
			clearTimeout(timer);
			const win = frame.contentWindow;
			if (!win || finished) return done();
			try {
				// The sheet is printed with the address it was opened from, and only once every face it
				// sets is in: printed in the stand-ins, its lines and page breaks come out otherwise.
				// Without the encoder (a failed chunk), the prerendered address is printed instead.
				await fillAddress(win.document, siteAddress(location.origin, base)).catch(() => undefined);
				await addWebFonts(win.document, { all: true });
				await handoutFacesIn(win.document);
				await new Promise((r) => win.requestAnimationFrame(() => r(null)));
				if (finished) return;
				win.focus();
				win.print();
			} catch {
				// A frame we may not script (an error page on another origin): nothing to print.
			} finally {
				// Chromium returns from print() when the dialog closes; give it a moment anyway.
				settle = setTimeout(done, 1000);
			}
		}
		frame.addEventListener('load', onLoad, { once: true });
		document.body.append(frame);
	});
}
