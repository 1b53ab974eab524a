import type { Check } from './check';
import { checkChapters } from './chapters';
import { checkFactcheck } from './factcheck';
import { checkGraphics } from './graphics';
import { checkIds } from './ids';
import { checkMarks } from './marks';
import { checkReferences } from './references';

export type { Check } from './check';

/**
 * The check stage: every rule the whole of content/ must keep. A new rule is a new file in this
 * folder exporting a `Check`, added to this list; the loader runs them all and reports every
 * problem at once.
 */
export const CHECKS: readonly Check[] = [
	checkIds,
	checkChapters,
	checkReferences,
	checkMarks,
	checkFactcheck,
	checkGraphics
];

export function runChecks(...[files, problems]: Parameters<Check>): void {
	for (const check of CHECKS) check(files, problems);
}
