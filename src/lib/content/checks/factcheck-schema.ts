import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
/** Source id -> the lines of that article that bear on the claim. */
const lines = z.record(id, z.array(z.int().positive()).min(1));

/** content/factcheck.yaml: the fact-check log, one row per claim checked. */
export const factcheckSchema = z.strictObject({
	checks: z
		.array(
			z.strictObject({
				id,
				claim: text,
				steps: z.array(id).min(1),
				supports: lines,
				contradicts: lines,
				verdict: z.enum(['confirmed', 'corrected', 'single-source', 'cut']),
				changed: text
			})
		)
		.min(1)
});

export type FactcheckFile = z.infer<typeof factcheckSchema>;
