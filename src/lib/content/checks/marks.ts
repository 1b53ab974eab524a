import { CITATION, QUOTATION } from '../markdown';
import { linesBefore } from '../problems';
import type { Check } from './check';
import { markdownFields } from './fields';

/** Quotations are compared with curly marks folded to straight ones and spaces collapsed. */
export function normaliseQuote(s: string): string {
	return s.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * Every citation mark names a known source, and every quotation is, word for word, one of the
 * spoken lines in quotes.yaml. Each problem stands on the line of its mark.
 */
export const checkMarks: Check = (f, problems) => {
	const known = f.sources.data.sources.map((s) => s.id);
	const quotes = f.quotes.data.quotes.map((q) => normaliseQuote(q.text));
	for (const { file, path, md } of markdownFields(f)) {
		for (const m of md.matchAll(CITATION)) {
			if (known.includes(m[1]!)) continue;
			const message = `unknown source "${m[1]}" in citation mark; known: ${known.join(', ')}`;
			problems.add(file, path, message, linesBefore(md, m.index));
		}
		for (const m of md.matchAll(QUOTATION)) {
			if (quotes.some((q) => q.includes(normaliseQuote(m[1]!)))) continue;
			const message = `quotation "${m[1]}" is not, word for word, in quotes.yaml (titles go in *italics*)`;
			problems.add(file, path, message, linesBefore(md, m.index));
		}
	}
};
