import { CITATION } from '../markdown';
import type { ChapterData, Located } from './located';
import { linesBefore, problem } from './located';
import type { FactcheckFile } from './factcheck-schema';

/**
 * A step whose every citation is to a source the fact-check log marks as contradicted for that
 * step rests on nothing: the log has found the claim wrong in each article it cites.
 */
export function checkContradictedCitations(
	log: Located<FactcheckFile>,
	chapters: Located<ChapterData>[]
): string[] {
	// step id -> source id -> the log row that marks it contradicted
	const contradicted = new Map<string, Map<string, number>>();
	log.data.checks.forEach((row, i) => {
		for (const step of row.steps) {
			const bySource = contradicted.get(step) ?? new Map<string, number>();
			for (const source of Object.keys(row.contradicts)) bySource.set(source, i);
			contradicted.set(step, bySource);
		}
	});
	const problems: string[] = [];
	for (const { file, data } of chapters) {
		data.steps.forEach((step, index) => {
			const marks = [...step.text.matchAll(CITATION)];
			const against = contradicted.get(step.id);
			if (!marks.length || !against) return;
			const cited = [...new Set(marks.map((m) => m[1]!))];
			if (!cited.every((source) => against.has(source))) return;
			const rows = cited.map((s) => `checks[${against.get(s)}] (${s})`).join(', ');
			problems.push(
				problem(
					file,
					['steps', index, 'text'],
					`cites only ${cited.map((s) => `"${s}"`).join(', ')}, which ${log.file.name} ` +
						`marks as contradicted for this step in ${rows}; cite a source that supports it`,
					linesBefore(step.text, marks[0]!.index)
				)
			);
		});
	}
	return problems;
}
