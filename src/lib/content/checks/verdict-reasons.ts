import type { Located } from './located';
import { problem } from './located';

type Outcome = 'real' | 'imagined';

/** Words that name an outcome in a verdict's reason. Kept short and literal, so a hit is clear. */
const OUTCOME_WORDS: Record<Outcome, RegExp> = {
	real: /^(real|really|alive|physical|fact|present|happens|happened)$/,
	imagined:
		/^(imagined|imagines|imaginary|hallucinations?|hallucinated|fantasy|fantasies|vision|visions|remembered|invented|dreamed|dreamt)$/
};
/** A negation just before an outcome word turns it into the other one ('not present'). */
const NEGATION = /^(not|never|no|nor|isn't|aren't|wasn't|n't)$/;

/** The outcomes a reason names, negation applied: for 'A real place, but imagined company', both. */
export function outcomesNamed(reason: string): Set<Outcome> {
	const words =
		reason
			.toLowerCase()
			.replace(/’/g, "'")
			.match(/[a-z']+/g) ?? [];
	const named = new Set<Outcome>();
	words.forEach((word, i) => {
		for (const outcome of ['real', 'imagined'] as const) {
			if (!OUTCOME_WORDS[outcome].test(word)) continue;
			const negated = i > 0 && NEGATION.test(words[i - 1]!);
			named.add(negated ? (outcome === 'real' ? 'imagined' : 'real') : outcome);
		}
	});
	return named;
}

interface ReadingsData {
	readings: { id: string; verdicts: Record<string, { verdict: string; reason: string }> }[];
}

/**
 * A verdict's reason must not contradict its mark (content/README.md, "Verdict rule"):
 * - open means the reading leaves the beat undecided, so its reason names no outcome; a reason
 *   that names one outcome, or both (part real, part imagined), needs that mark instead;
 * - real and imagined must not rest on a reason that names only the other outcome.
 */
export function checkVerdictReasons(readings: Located<ReadingsData>): string[] {
	const problems: string[] = [];
	readings.data.readings.forEach((reading, i) => {
		for (const [beat, { verdict, reason }] of Object.entries(reading.verdicts)) {
			const named = outcomesNamed(reason);
			const path = ['readings', i, 'verdicts', beat, 'verdict'];
			const list = [...named].map((o) => `"${o}"`).join(' and ');
			if (verdict === 'open' && named.size === 1) {
				problems.push(
					problem(
						readings.file,
						path,
						`"open" but its reason names one outcome (${list}); mark it ${list}, or say why the reading leaves it undecided`
					)
				);
			} else if (verdict === 'open' && named.size === 2) {
				problems.push(
					problem(
						readings.file,
						path,
						`"open" but its reason names both outcomes (part real, part imagined); mark the beat's own event real or imagined and let the reason say which part is which`
					)
				);
			} else if (verdict !== 'open' && named.size === 1 && !named.has(verdict as Outcome)) {
				problems.push(
					problem(readings.file, path, `"${verdict}" but its reason names only ${list}`)
				);
			}
		}
	});
	return problems;
}
