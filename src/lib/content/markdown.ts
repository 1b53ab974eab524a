import { marked } from 'marked';
import type { LinkOptions } from './links';
import { markButton, markLink } from './cite-marks';
import { escapeAttr } from '$lib/html';

export const CITATION = /\[\^([a-z0-9-]+)\]/g;
/** A span in double quotation marks, straight or curly: by our rule, always a quotation. */
export const QUOTATION = /[“"]([^“”"]+)[”"]/g;

export interface CitationTarget {
	n: number;
	headline: string;
}

export type { LinkOptions } from './links';

/** Curly quotes and apostrophes, as a typesetter would; run before HTML exists. */
export function typeset(md: string): string {
	return (
		md
			.replace(/"([^"\n]+)"/g, '“$1”')
			.replace(/(\w)'(\w)/g, '$1’$2')
			// Pairs before lone trailing apostrophes (the parents' house), or a closing mark is taken for one.
			.replace(/(^|[\s(])'([^'\n]+)'/g, '$1‘$2’')
			.replace(/(\w)'(\s|$)/g, '$1’$2')
	);
}

/**
 * Marks in a row, and the run of text they follow, up to any emphasis mark (a span must not cut
 * through *italics*; no line breaks between a closing word and its punctuation anyway).
 */
const MARKS_AFTER_WORD = /([^\s\]*_]*?)((?:\[\^[a-z0-9-]+\])+)/g;

function citations(
	md: string,
	sources: Map<string, CitationTarget>,
	{ sourcesPage = '', marks = 'link' }: LinkOptions
): string {
	const mark = (id: string) => {
		const source = sources.get(id);
		if (!source) return '';
		const label = escapeAttr(`Source ${source.n}: ${source.headline}`);
		const form = marks === 'button' ? markButton : markLink;
		return `<sup class="cite">${form({ id, n: source.n, label, page: sourcesPage })}</sup>`;
	};
	// The marks and the word before them are kept on one line: a mark never starts a line.
	return md.replace(MARKS_AFTER_WORD, (_, word: string, marks: string) => {
		// A run of marks reads in source order, each source once: "1 2 3", never "2 3 1".
		const ids = [...new Set([...marks.matchAll(CITATION)].map((m) => m[1]!))];
		const order = (id: string) => sources.get(id)?.n ?? 0;
		const html = ids
			.sort((a, b) => order(a) - order(b))
			.map(mark)
			.join('');
		return html ? `<span class="cite-keep">${word}${html}</span>` : word;
	});
}

/** Block Markdown (paragraphs) to HTML. */
export function renderBlock(
	md: string,
	sources: Map<string, CitationTarget>,
	links: LinkOptions = {}
): string {
	return marked.parse(citations(typeset(md.trim()), sources, links), { async: false, gfm: true });
}

/** One line of Markdown to inline HTML (no wrapping paragraph). */
export function renderInline(
	md: string,
	sources: Map<string, CitationTarget>,
	links: LinkOptions = {}
): string {
	return marked.parseInline(citations(typeset(md.trim()), sources, links), {
		async: false,
		gfm: true
	});
}

/** Plain words, for counting and for screen-reader announcements. */
export function plain(md: string): string {
	return typeset(md)
		.replace(CITATION, '')
		.replace(/[*_`#>]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

export function countWords(s: string): number {
	return (s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
}
