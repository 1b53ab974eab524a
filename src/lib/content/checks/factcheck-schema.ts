import { z } from 'zod';

const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
/** Source id -> the lines of that article that bear on the claim. */
const lines = z.record(id, z.array(z.int().positive()).min(1));
/** An item of another content file where a claim stands: `disagreements.yaml#where-home-is`. */
export const PLACE = /^(story\.yaml|(readings|disagreements|evidence|beats)\.yaml#[a-z0-9-]+)$/;
const place = z
	.string()
	.regex(
		PLACE,
		'must be story.yaml, or readings.yaml, disagreements.yaml, evidence.yaml or beats.yaml, then #<item id>'
	);

/** content/factcheck.yaml: the fact-check log, one row per claim checked. */
export const factcheckSchema = z.strictObject({
	checks: z
		.array(
			z
				.strictObject({
					id,
					/** A fact the sources give (the default), or an inference of ours drawn from them. */
					kind: z.enum(['fact', 'inference']).default('fact'),
					/** What the claim stands on: the three articles, or the public record (credits, release). */
					basis: z.enum(['sources', 'public record']).default('sources'),
					claim: text,
					/** The claim's words as they stand in the piece; each place listed holds one of them. */
					words: z.array(text).min(1).optional(),
					steps: z.array(id).default([]),
					/** Places outside the chapters where the claim stands. */
					in: z.array(place).default([]),
					supports: lines,
					contradicts: lines,
					/** For an inference: the lines it is drawn from. */
					from: lines.optional(),
					verdict: z.enum(['confirmed', 'corrected', 'single-source', 'cut']),
					changed: text
				})
				.refine((row) => row.steps.length + row.in.length > 0, {
					message: 'must name at least one place the claim stands, in steps or in',
					path: ['steps']
				})
		)
		.min(1)
});

export type FactcheckFile = z.infer<typeof factcheckSchema>;
