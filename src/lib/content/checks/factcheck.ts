import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFiles } from '../read';
import type { Check } from './check';
import { checkContradictedCitations } from './contradicted-citations';
import { checkFactcheckLog, type Article } from './factcheck-log';
import { checkNoteLinks } from './note-links';
import { checkVerdictReasons } from './verdict-reasons';

/**
 * The articles' folder sits beside the project (../shared/sources). Without it the log's lines
 * cannot be read; with it, an article the log names must be there.
 */
function readArticles(root: string, files: { id: string; file: string }[]): Map<string, Article> {
	const dir = join(root, '..', '..', 'shared', 'sources');
	const present = existsSync(dir);
	return new Map(
		files.map(({ id, file }) => {
			const path = join(dir, file);
			if (!present) return [id, { file }];
			// A missing article reads as none of its lines existing.
			const lines = existsSync(path)
				? readFileSync(path, 'utf8').replace(/\n$/, '').split('\n')
				: [];
			return [id, { file, lines }];
		})
	);
}

/** Every string (and number) inside a value: the texts a claim can stand in. */
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'number') return [String(value)];
	if (Array.isArray(value)) return value.flatMap(texts);
	if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
	return [];
}

/** The places a log row may name: steps, and the items of the files beside the chapters. */
function places(files: ContentFiles): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const { data } of files.chapters)
		for (const step of data.steps) map.set(step.id, [step.text, step.alt, step.notes]);
	map.set('story.yaml', texts(files.story.data));
	const items: [string, { id: string }[]][] = [
		['readings.yaml', files.readings.data.readings],
		['disagreements.yaml', files.disagreements.data.points],
		['evidence.yaml', files.evidence.data.clues],
		['beats.yaml', files.beats.data.beats]
	];
	for (const [file, list] of items)
		for (const item of list) map.set(`${file}#${item.id}`, texts(item));
	return map;
}

/**
 * The fact-check rules: verdicts that agree with their reasons, "sources differ" notes that land,
 * a log that names real sources, places and lines, facts beyond the articles left unmarked, and
 * no plot step resting only on a source the log marks as contradicted there.
 */
export const checkFactcheck: Check = (files, problems) => {
	const { root, chapters, readings, sources, disagreements, factcheck } = files;
	const located = chapters.map(({ file, data }) => ({ file, data }));
	problems.list.push(
		...checkVerdictReasons(readings),
		...checkNoteLinks(located, {
			points: disagreements.data.points.map((p) => p.id),
			sources: sources.data.sources.map((s) => s.id)
		})
	);
	const steps = new Set(chapters.flatMap(({ data }) => data.steps.map((s) => s.id)));
	problems.list.push(
		...checkFactcheckLog(factcheck, {
			articles: readArticles(root, sources.data.sources),
			places: places(files),
			steps
		}),
		...checkContradictedCitations(factcheck, located)
	);
};
