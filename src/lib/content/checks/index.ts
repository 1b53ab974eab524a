import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { checkContradictedCitations } from './contradicted-citations';
import { checkFactcheckLog } from './factcheck-log';
import { factcheckSchema } from './factcheck-schema';
import type { ChapterData, Located } from './located';
import { checkNoteLinks } from './note-links';
import { checkVerdictReasons } from './verdict-reasons';

/** The loader's reader: parses and schema-checks one file, recording its own problems. */
type Read = <S extends z.ZodType>(name: string, schema: S) => Located<z.infer<S>> | undefined;

export interface CheckInput {
	root: string;
	read: Read;
	chapters: Located<ChapterData & { id: string }>[];
	readings: Located<Parameters<typeof checkVerdictReasons>[0]['data']>;
	sources: Located<{ sources: { id: string; file: string }[] }>;
	disagreements: Located<{ points: { id: string }[] }>;
}

/** The article's length in lines, where the articles sit beside the project (../shared/sources). */
function articleLines(root: string, file: string): number {
	try {
		return readFileSync(join(root, '..', '..', 'shared', 'sources', file), 'utf8').split('\n')
			.length;
	} catch {
		return Infinity;
	}
}

/** The cross-file rules beyond the schema, run once every file has parsed. */
export function runChecks({ root, read, chapters, readings, sources, disagreements }: CheckInput) {
	const problems = [
		...checkVerdictReasons(readings),
		...checkNoteLinks(chapters, {
			points: disagreements.data.points.map((p) => p.id),
			sources: sources.data.sources.map((s) => s.id)
		})
	];
	const log = read('factcheck.yaml', factcheckSchema);
	if (!log) return problems;
	const steps = new Set(chapters.flatMap(({ data }) => data.steps.map((s) => s.id)));
	const known = new Map(sources.data.sources.map((s) => [s.id, articleLines(root, s.file)]));
	return [
		...problems,
		...checkFactcheckLog(log, { sources: known, steps }),
		...checkContradictedCitations(log, chapters)
	];
}
