import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from './check';
import { checkContradictedCitations } from './contradicted-citations';
import { checkFactcheckLog } from './factcheck-log';
import { checkNoteLinks } from './note-links';
import { checkVerdictReasons } from './verdict-reasons';

/** The article's length in lines, where the articles sit beside the project (../shared/sources). */
function articleLines(root: string, file: string): number {
	try {
		return readFileSync(join(root, '..', '..', 'shared', 'sources', file), 'utf8').split('\n')
			.length;
	} catch {
		return Infinity;
	}
}

/**
 * The fact-check rules: verdicts that agree with their reasons, "sources differ" notes that land,
 * a log that names real sources, steps and lines, and no plot step resting only on a source the
 * log marks as contradicted there.
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
	const known = new Map(sources.data.sources.map((s) => [s.id, articleLines(root, s.file)]));
	problems.list.push(
		...checkFactcheckLog(factcheck, { sources: known, steps }),
		...checkContradictedCitations(factcheck, located)
	);
};
