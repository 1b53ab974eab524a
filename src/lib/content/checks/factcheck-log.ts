import type { Located } from './located';
import { problem } from './located';
import type { FactcheckFile } from './factcheck-schema';

/**
 * Every row of the fact-check log names real things: known sources, existing step ids, line
 * numbers inside the article. One source may do both, where it contradicts itself.
 */
export function checkFactcheckLog(
	log: Located<FactcheckFile>,
	known: { sources: Map<string, number>; steps: Set<string> }
): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	log.data.checks.forEach((row, i) => {
		if (seen.has(row.id))
			problems.push(problem(log.file, ['checks', i, 'id'], `duplicate id "${row.id}"`));
		seen.add(row.id);
		row.steps.forEach((step, j) => {
			if (!known.steps.has(step))
				problems.push(problem(log.file, ['checks', i, 'steps', j], `unknown step "${step}"`));
		});
		for (const key of ['supports', 'contradicts'] as const) {
			for (const [source, lines] of Object.entries(row[key])) {
				const length = known.sources.get(source);
				if (length === undefined) {
					problems.push(
						problem(
							log.file,
							['checks', i, key, source],
							`unknown source "${source}"; known: ${[...known.sources.keys()].join(', ')}`
						)
					);
					continue;
				}
				for (const line of lines.filter((n) => n > length)) {
					problems.push(
						problem(
							log.file,
							['checks', i, key, source],
							`line ${line} is past the end of the article (${length} lines)`
						)
					);
				}
			}
		}
	});
	return problems;
}
