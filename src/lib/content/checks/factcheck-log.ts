import { CITATION } from '../markdown';
import type { Located } from './located';
import { problem } from './located';
import type { FactcheckFile } from './factcheck-schema';

/** An article as the log may cite it: its file, and its lines where the articles are at hand. */
export interface Article {
	file: string;
	/** The article's lines; undefined when the articles' folder is not beside the project. */
	lines?: string[];
}

export interface LogKnown {
	articles: Map<string, Article>;
	/** Every place a claim can stand (a step id, or `file#id`), with the texts it holds. */
	places: Map<string, string[]>;
	steps: Set<string>;
}

/** The marks in the sentence that holds `text[at, at + length)`: inside it, and right after its end. */
export function sentenceMarks(text: string, at: number, length: number): string[] {
	const end = /[.?!;][)”’"'*_]*((?:\[\^[a-z0-9-]+\])*)/g;
	end.lastIndex = at + Math.max(0, length - 1);
	const found = end.exec(text);
	const paragraph = text.indexOf('\n\n', at + length);
	const stop = found ? found.index + found[0].length : paragraph === -1 ? text.length : paragraph;
	return [...text.slice(at, stop).matchAll(CITATION)].map((m) => m[0]);
}

/** Every occurrence of `words` in `text`, ignoring case and how Markdown wraps its lines. */
function occurrences(text: string, words: string): { at: number; length: number }[] {
	const escaped = words
		.trim()
		.split(/\s+/)
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('\\s+');
	return [...text.matchAll(new RegExp(escaped, 'gi'))].map((m) => ({
		at: m.index,
		length: m[0].length
	}));
}

/**
 * Every row of the fact-check log names real things: known sources, existing places, lines that
 * stand in the article and hold text. One source may do both, where it contradicts itself. A fact
 * from the public record, and an inference of ours, are never cited to an article: their rows
 * list no supporting lines, and the words they name carry no citation mark where they stand. The
 * words of a row marked cut are gone from every place it names.
 */
export function checkFactcheckLog(log: Located<FactcheckFile>, known: LogKnown): string[] {
	const problems: string[] = [];
	const at =
		(i: number, ...path: (string | number)[]) =>
		(message: string) =>
			problems.push(problem(log.file, ['checks', i, ...path], message));
	const seen = new Set<string>();
	log.data.checks.forEach((row, i) => {
		if (seen.has(row.id)) at(i, 'id')(`duplicate id "${row.id}"`);
		seen.add(row.id);
		row.steps.forEach((step, j) => {
			if (!known.steps.has(step)) at(i, 'steps', j)(`unknown step "${step}"`);
		});
		row.in.forEach((place, j) => {
			if (!known.places.has(place)) at(i, 'in', j)(`unknown place "${place}"`);
		});
		for (const key of ['supports', 'contradicts', 'from'] as const) {
			for (const [source, lines] of Object.entries(row[key] ?? {})) {
				const article = known.articles.get(source);
				if (!article) {
					at(
						i,
						key,
						source
					)(`unknown source "${source}"; known: ${[...known.articles.keys()].join(', ')}`);
					continue;
				}
				if (!article.lines) continue;
				for (const line of lines) {
					if (line > article.lines.length)
						at(
							i,
							key,
							source
						)(`line ${line} does not exist: ${article.file} has ${article.lines.length} lines`);
					else if (!article.lines[line - 1]!.trim())
						at(
							i,
							key,
							source
						)(`line ${line} of ${article.file} is blank; cite the line that says it`);
				}
			}
		}
		const unsourced =
			row.basis === 'public record'
				? 'a "public record" row'
				: row.kind === 'inference'
					? 'an "inference" row'
					: '';
		if (row.from && row.kind !== 'inference')
			at(i, 'from')('only an "inference" row names the lines it is drawn from');
		if (unsourced && Object.keys(row.supports).length)
			at(
				i,
				'supports'
			)(
				`${unsourced} is never cited to an article: leave supports empty` +
					(row.kind === 'inference' ? ' and name the lines it is drawn from in from' : '') +
					' (an article that says it makes the row a sourced fact)'
			);
		if (row.verdict === 'cut') {
			if (row.words) checkWordsGone(row, i, known, at);
			return;
		}
		if (!unsourced) {
			if (row.words) checkWordsStand(row, i, known, at);
			return;
		}
		if (!row.words) {
			at(
				i,
				'words'
			)(`${unsourced} must name its words as they stand, so the loader can see them unmarked`);
			return;
		}
		checkWordsStand(row, i, known, at, unsourced);
	});
	return problems;
}

/** Each place the row lists holds one of its words; for an unsourced row, with no mark on them. */
function checkWordsStand(
	row: FactcheckFile['checks'][number],
	i: number,
	known: LogKnown,
	at: (i: number, ...path: (string | number)[]) => (message: string) => void,
	unsourced = ''
) {
	for (const place of [...row.steps, ...row.in]) {
		const texts = known.places.get(place);
		if (!texts) continue;
		let found = false;
		row.words!.forEach((words, j) => {
			for (const text of texts) {
				for (const o of occurrences(text, words)) {
					found = true;
					const marks = unsourced ? sentenceMarks(text, o.at, o.length) : [];
					if (marks.length)
						at(
							i,
							'words',
							j
						)(
							`"${words}" carries the citation mark ${marks.join('')} in ${place}; ` +
								`${unsourced} is never cited to an article: take the mark off that sentence`
						);
				}
			}
		});
		if (!found) at(i, 'words')(`none of the row's words stands in ${place}`);
	}
}

/** A cut claim's words stand nowhere the row names. */
function checkWordsGone(
	row: FactcheckFile['checks'][number],
	i: number,
	known: LogKnown,
	at: (i: number, ...path: (string | number)[]) => (message: string) => void
) {
	for (const place of [...row.steps, ...row.in]) {
		const texts = known.places.get(place) ?? [];
		row.words!.forEach((words, j) => {
			if (texts.some((text) => occurrences(text, words).length))
				at(i, 'words', j)(`"${words}" still stands in ${place}, but the row says it was cut`);
		});
	}
}
