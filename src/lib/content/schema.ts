import { z } from 'zod';
import { featureIds, sceneIds } from './vocabulary';

/** Ids become URL fragments (/#id), so they stay lowercase-with-dashes. */
const id = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
const markdown = text;
/** Words a graphic draws in a small space: plain text, no Markdown, kept short. */
const label = text
	.max(32, 'must be at most 32 characters: a graphic draws it in a small space')
	.regex(/^[^*_[\]`]*$/, 'must be plain text (no Markdown)');
const gist = text
	.max(90, 'must be at most 90 characters: one line beside the reading’s name')
	.regex(/^[^*_[\]`]*$/, 'must be plain text (no Markdown)');

export const storySchema = z.strictObject({
	title: text,
	dek: text,
	description: text,
	spoiler: z.strictObject({ text: markdown, button: text, chapter: text }),
	scrollHint: text,
	credits: markdown,
	/** The line above the title; the pages' titles read `<title>: <kicker, lower-cased>`. */
	kicker: text.regex(/^[^*_[\]`]*$/, 'must be plain text (no Markdown)'),
	/** The film the piece is about, for search engines' structured data. */
	film: z.strictObject({
		year: z.number().int().min(1888, 'must be a year').max(2100, 'must be a year'),
		director: text
	}),
	/** The link-preview image (`/social.png`): its alt text says what it shows. */
	image: z.strictObject({ alt: text })
});

export const stepSchema = z.strictObject({
	id,
	text: markdown,
	state: text,
	alt: text,
	notes: markdown,
	quote: id.optional(),
	/** What the chapter's graphic brings forward at this step (ids of its feature's items). */
	focus: z.array(id).optional(),
	/** A disagreement the graphic sets out beside the step, claim by claim (a readings chapter). */
	point: id.optional()
});

export const chapterSchema = z.strictObject({
	id,
	title: text,
	kind: z.enum(['opening', 'plot', 'reading', 'finale']),
	scene: z.enum(sceneIds as [string, ...string[]], {
		error: (issue) => `unknown scene ${JSON.stringify(issue.input)}; known: ${sceneIds.join(', ')}`
	}),
	feature: z
		.enum(featureIds, {
			error: (issue) =>
				`unknown feature ${JSON.stringify(issue.input)}; known: ${featureIds.join(', ')}`
		})
		.optional(),
	readings: z.array(id).optional(),
	sceneData: z.record(z.string(), text).optional(),
	steps: z.array(stepSchema).min(1, 'a chapter needs at least one step'),
	questions: z.array(markdown).optional()
});

export const sourcesSchema = z.strictObject({
	sources: z
		.array(
			z.strictObject({
				id,
				file: text,
				headline: text,
				author: text.optional(),
				date: z.iso.date('must be a date written YYYY-MM-DD').optional(),
				about: markdown,
				/** A name short enough for a graphic's column head or badge. */
				short: label
			})
		)
		.min(1)
});

export const quotesSchema = z.strictObject({
	quotes: z.array(
		z.strictObject({
			id,
			speaker: text,
			role: text,
			venue: text,
			source: text,
			text
		})
	)
});

export const beatsSchema = z.strictObject({
	beats: z.array(z.strictObject({ id, label: text, chapter: id, summary: markdown })).min(1)
});

export const verdictSchema = z.strictObject({
	verdict: z.enum(['real', 'imagined', 'open']),
	reason: markdown
});

export const readingsSchema = z.strictObject({
	readings: z
		.array(
			z.strictObject({
				id,
				name: text,
				summary: markdown,
				heldBy: z.array(markdown).min(1),
				for: z.array(markdown).min(1),
				against: z.array(markdown).min(1),
				/** One line of our own, shown beside the reading's name in the graphics. */
				gist,
				verdicts: z.record(id, verdictSchema)
			})
		)
		.min(1)
});

export const evidenceSchema = z.strictObject({
	/** The moments a clue can point to, in the film's order: by then, Harry was dead. */
	moments: z
		.array(
			z.strictObject({
				id,
				label,
				/** The beat by which, on this moment, Harry was dead: where the timeline draws it. */
				beat: id
			})
		)
		.min(1),
	clues: z
		.array(
			z.strictObject({
				id,
				/** The clue in a few words, as the board draws it. */
				label,
				/** The moment it points to (a moment id above). */
				moment: id,
				/** The beat at which the clue appears in the film (a beat id of beats.yaml). */
				seen: id,
				clue: markdown,
				suggests: markdown,
				citations: z.array(id).min(1)
			})
		)
		.min(1)
});

export const disagreementsSchema = z.strictObject({
	points: z
		.array(
			z.strictObject({
				id,
				topic: text,
				claims: z.array(z.strictObject({ source: id, says: markdown })).min(1),
				conclusion: markdown,
				reason: markdown
			})
		)
		.min(1)
});

export type StoryFile = z.infer<typeof storySchema>;
export type ChapterFile = z.infer<typeof chapterSchema>;
export type SourcesFile = z.infer<typeof sourcesSchema>;
export type QuotesFile = z.infer<typeof quotesSchema>;
export type BeatsFile = z.infer<typeof beatsSchema>;
export type ReadingsFile = z.infer<typeof readingsSchema>;
export type EvidenceFile = z.infer<typeof evidenceSchema>;
export type DisagreementsFile = z.infer<typeof disagreementsSchema>;
