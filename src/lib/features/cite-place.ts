/**
 * Where a citation's source note goes, so that the sentence it cites stays readable: beside the
 * text column where the screen has room for it, otherwise just under the mark's line, otherwise
 * just above the start of the cited sentence. Always inside the viewport and below the top bar.
 */

export interface Placement {
	top: number;
	left: number;
	width: number;
	/** Pixels to scroll so the note fits under the line (only when neither side has room). */
	scroll: number;
}

const GAP = 8;
const WIDTH = 352;

/** The box of the line the mark sits on: the last characters of the word before it. */
function lineOf(mark: Element): DOMRect {
	const sup = mark.closest('sup') ?? mark;
	const prev = sup.previousSibling;
	if (prev?.nodeType === Node.TEXT_NODE && prev.textContent) {
		const range = document.createRange();
		range.setStart(prev, Math.max(0, prev.textContent.length - 2));
		range.setEnd(prev, prev.textContent.length);
		const rects = range.getClientRects();
		if (rects.length) return rects[rects.length - 1]!;
	}
	return mark.getBoundingClientRect();
}

/** The top of the first line of the sentence the mark closes (the block's top if none ends before). */
function sentenceTop(mark: Element): number {
	const sup = mark.closest('sup') ?? mark;
	const block = sup.closest('p, li, blockquote') ?? sup.parentElement!;
	const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
	let start: [Node, number] | null = null;
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if (sup.contains(n) || !(n.compareDocumentPosition(sup) & Node.DOCUMENT_POSITION_FOLLOWING))
			break;
		const text = n.textContent ?? '';
		// A sentence ends at . ! or ? followed by a space; the last such end before the mark.
		for (const m of text.matchAll(/[.!?]["”’)]*\s+/g)) start = [n, m.index + m[0].length];
	}
	const range = document.createRange();
	if (start) range.setStart(start[0], Math.min(start[1], start[0].textContent!.length));
	else range.setStart(block, 0);
	range.setEndBefore(sup);
	const rects = [...range.getClientRects()].filter((r) => r.width > 0);
	return rects.length ? Math.min(...rects.map((r) => r.top)) : block.getBoundingClientRect().top;
}

export function placeNote(mark: Element, height: number): Placement {
	const vw = document.documentElement.clientWidth;
	const vh = window.innerHeight;
	const bar = document.querySelector('nav.bar')?.getBoundingClientRect();
	const ceiling = Math.max(0, bar && bar.top <= 0 ? bar.bottom : 0) + GAP;
	const line = lineOf(mark);
	const column = (mark.closest('[data-step]') ?? mark.closest('p'))?.getBoundingClientRect();
	const clampTop = (t: number) =>
		Math.min(Math.max(ceiling, t), Math.max(ceiling, vh - height - GAP));

	// Beside the text column, level with the line, where the margin holds the whole note.
	if (column && vw - column.right >= WIDTH + 3 * GAP) {
		return { top: clampTop(line.top - 12), left: column.right + 2 * GAP, width: WIDTH, scroll: 0 };
	}
	const width = Math.min(WIDTH, vw - 2 * GAP);
	const left = Math.min(Math.max(GAP, line.right - width / 2), vw - width - GAP);
	const below = line.bottom + 6;
	if (below + height <= vh - GAP) return { top: below, left, width, scroll: 0 };
	const above = sentenceTop(mark) - height - 6;
	if (above >= ceiling) return { top: above, left, width, scroll: 0 };
	// Neither side has room: the page moves up just enough for the note to fit under the line.
	const scroll = below + height - (vh - GAP);
	return { top: below - scroll, left, width, scroll };
}
