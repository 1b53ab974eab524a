/**
 * Prints the handout without leaving the presentation: loads the article (`/`) in an invisible
 * frame and prints that frame, which uses the article's print style sheet. Resolves once the
 * print dialog has closed (Chromium blocks in print()) or the frame could not be used.
 */
export function printHandout(url = '/'): Promise<void> {
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
		const done = () => {
			frame.remove();
			resolve();
		};
		frame.addEventListener(
			'load',
			async () => {
				const win = frame.contentWindow;
				if (!win) return done();
				try {
					await win.document.fonts?.ready;
					await new Promise((r) => win.requestAnimationFrame(() => r(null)));
					win.focus();
					win.print();
				} finally {
					// Chromium returns from print() when the dialog closes; give it a moment anyway.
					setTimeout(done, 1000);
				}
			},
			{ once: true }
		);
		document.body.append(frame);
	});
}
