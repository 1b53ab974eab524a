/**
 * The polls stage of the loader: content/polls.yaml, the class polls the presenter can open. It
 * runs on what the build stage made, since a poll names slides and readings of the story: read
 * (the loader's own reader and schema check), check (real slides, real readings, one meaning per
 * id), resolve (readings become options labelled by name). Problems are reported like every other
 * content problem, as `content/polls.yaml:<line> <field>: <message>`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { MAX_LABEL, MAX_OPTIONS, MAX_QUESTION, POLL_KINDS, type PollKind } from './poll-limits';
import { ContentError, Problems, type Path } from './problems';
import { readYaml, type Parsed } from './read';
import { discussionId, hasDiscussion } from './slides';
import type { Content } from './types';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes');

const pollSchema = z
	.strictObject({
		id,
		/** `choice` (the default) offers options; `words` and `text` take open answers. */
		kind: z.enum(POLL_KINDS).optional(),
		slide: z.string().min(1),
		question: z.string().min(1).max(MAX_QUESTION),
		readings: z.array(id).min(2).max(MAX_OPTIONS).optional(),
		options: z
			.array(z.strictObject({ id, label: z.string().min(1).max(MAX_LABEL) }))
			.min(2)
			.max(MAX_OPTIONS)
			.optional()
	})
	.superRefine((p, ctx) => {
		const open = p.kind === 'words' || p.kind === 'text';
		if (open && (p.readings || p.options)) {
			ctx.addIssue({
				code: 'custom',
				path: [p.readings ? 'readings' : 'options'],
				message: `a ${p.kind} poll takes open answers: give neither readings nor options`
			});
		} else if (!open && !!p.readings === !!p.options) {
			ctx.addIssue({
				code: 'custom',
				message: 'give either readings or options, not both and not neither'
			});
		}
	});

export const pollsSchema = z.strictObject({ polls: z.array(pollSchema).min(1) });

type PollsFile = Parsed<z.infer<typeof pollsSchema>>;

/** A poll as the presenter and the server use it: options resolved to ids and labels. */
export interface ContentPoll {
	id: string;
	kind: PollKind;
	slide: string;
	question: string;
	options: { id: string; label: string }[];
}

/** A ContentError from polls.yaml: the build reports it like any other content problem. */
export class PollsError extends ContentError {
	constructor(problems: string[]) {
		super(problems);
		this.name = 'PollsError';
	}
}

type Story = Pick<Content, 'chapters' | 'readings'>;

/** Every slide id a poll may name: the steps, and the discussion slides that close chapters. */
function slideIds(story: Story): Set<string> {
	const slides = new Set<string>();
	for (const c of story.chapters) {
		for (const s of c.steps) slides.add(s.id);
		if (hasDiscussion(c)) slides.add(discussionId(c.id));
	}
	return slides;
}

/** The check step: every rule that ties polls.yaml to the story. */
function checkPolls({ file, data }: PollsFile, story: Story, problems: Problems): void {
	const at = (path: Path, message: string) => problems.add(file, path, message);
	const slides = slideIds(story);
	const readings = new Set(story.readings.map((r) => r.id));
	// Every id written in the file (polls and their options) names one thing, so a CSV row or a
	// ballot can never be read two ways.
	const seen = new Map<string, string>();
	const claim = (id: string, path: Path, what: string) => {
		const earlier = seen.get(id);
		if (earlier) at(path, `duplicate id "${id}" (already ${earlier})`);
		else seen.set(id, what);
	};
	data.polls.forEach((p, i) => {
		claim(p.id, ['polls', i, 'id'], 'a poll');
		p.options?.forEach((o, j) =>
			claim(o.id, ['polls', i, 'options', j, 'id'], `an option of "${p.id}"`)
		);
		if (!slides.has(p.slide))
			at(['polls', i, 'slide'], `unknown slide "${p.slide}" (a step id or <chapter>--discussion)`);
		p.readings?.forEach((r, j) => {
			if (!readings.has(r)) at(['polls', i, 'readings', j], `unknown reading "${r}"`);
		});
		if (p.readings && new Set(p.readings).size !== p.readings.length)
			at(['polls', i, 'readings'], 'a reading is listed twice');
	});

	// A chapter that sets readings side by side asks the class to choose between them.
	for (const c of story.chapters) {
		if (!c.readings.length) continue;
		const own = new Set([...c.steps.map((s) => s.id), discussionId(c.id)]);
		const asked = data.polls.some(
			(p) => own.has(p.slide) && p.readings?.some((r) => c.readings.includes(r))
		);
		if (!asked) at(['polls'], `chapter "${c.id}" shows readings but has no poll offering them`);
	}
}

/** The resolve step: readings become options, labelled with each reading's name. */
function resolvePolls({ data }: PollsFile, story: Story): ContentPoll[] {
	const name = new Map(story.readings.map((r) => [r.id, r.name]));
	return data.polls.map((p) => ({
		id: p.id,
		kind: p.kind ?? 'choice',
		slide: p.slide,
		question: p.question,
		options: p.options ?? (p.readings ?? []).map((r) => ({ id: r, label: name.get(r) ?? r }))
	}));
}

/** Runs the polls stage on `root/polls.yaml` against the loaded story; throws PollsError. */
export function loadPolls(root: string, story: Story): ContentPoll[] {
	const problems = new Problems();
	const file = readYaml(root, join(root, 'polls.yaml'), pollsSchema, problems);
	if (file) checkPolls(file, story, problems);
	if (!file || problems.list.length) throw new PollsError(problems.list);
	return resolvePolls(file, story);
}
