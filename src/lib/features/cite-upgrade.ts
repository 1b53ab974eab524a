/**
 * Citation marks arrive as links to the source notes (`<sup class="cite"><a href="#source-x">`),
 * which is what a reader without JavaScript follows. With JavaScript each becomes a button that
 * opens the note in place; `upgradeCitations` swaps them, keeps swapping marks that are rendered
 * later (a reading card, a lens), and puts every link back when released.
 */

const MARK = 'sup.cite > a[href^="#source-"]';

function toButton(a: HTMLAnchorElement, controls: string): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'cite-mark';
	button.textContent = a.textContent;
	button.dataset.source = a.getAttribute('href')!.slice('#source-'.length);
	button.setAttribute('aria-label', a.getAttribute('aria-label') ?? a.textContent ?? '');
	button.setAttribute('aria-expanded', 'false');
	button.setAttribute('aria-haspopup', 'dialog');
	button.setAttribute('aria-controls', controls);
	return button;
}

export function upgradeCitations(scope: Element, controls: string): () => void {
	const swapped: [HTMLButtonElement, HTMLAnchorElement][] = [];
	const upgrade = (within: ParentNode) => {
		for (const a of within.querySelectorAll<HTMLAnchorElement>(MARK)) {
			const button = toButton(a, controls);
			a.replaceWith(button);
			swapped.push([button, a]);
		}
	};
	upgrade(scope);
	const observer = new MutationObserver((records) => {
		for (const r of records) {
			for (const node of r.addedNodes) {
				if (node instanceof Element) upgrade(node.parentElement ?? node);
			}
		}
	});
	observer.observe(scope, { childList: true, subtree: true });
	return () => {
		observer.disconnect();
		for (const [button, a] of swapped) if (button.isConnected) button.replaceWith(a);
		swapped.length = 0;
	};
}
