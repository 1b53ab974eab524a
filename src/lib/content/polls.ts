/**
 * content/polls.yaml: the class polls the presenter can open. Validated like the rest of content/
 * (a schema, then checks against the loaded story: real slides, real readings), and every problem
 * is reported as `file:line field: message`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { discussionId, hasDiscussion } from '$lib/present/deck';
import { MAX_LABEL, MAX_OPTIONS, MAX_QUESTION, type PollOption } from '$lib/poll/model';
import { ContentError } from './load';
import type { Content } from './types';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes');

const pollSchema = z
	.strictObject({
		id,
		slide: z.string().min(1),
		question: z.string().min(1).max(MAX_QUESTION),
		readings: z.array(id).min(2).max(MAX_OPTIONS).optional(),
		options: z
			.array(z.strictObject({ id, label: z.string().min(1).max(MAX_LABEL) }))
			.min(2)
			.max(MAX_OPTIONS)
			.optional()
	})
	.refine((p) => !!p.readings !== !!p.options, {
		message: 'give either readings or options, not both and not neither'
	});

export const pollsSchema = z.strictObject({ polls: z.array(pollSchema).min(1) });

/** A poll as the presenter and the server use it: options resolved to ids and labels. */
export interface ContentPoll {
	id: string;
	slide: string;
	question: string;
	options: PollOption[];
}

/** A ContentError from polls.yaml: the build reports it like any other content problem. */
export class PollsError extends ContentError {
	constructor(problems: string[]) {
		super(problems);
		this.name = 'PollsError';
	}
}

const FILE = 'content/polls.yaml';

/** Reads, validates and resolves content/polls.yaml against the loaded story. */
export function loadPolls(
	root: string,
	content: Pick<Content, 'chapters' | 'readings'>
): ContentPoll[] {
	const path = join(root, 'polls.yaml');
	if (!existsSync(path)) throw new PollsError([`${FILE}: file is missing`]);
	const lines = new LineCounter();
	const doc = parseDocument(readFileSync(path, 'utf8'), {
		lineCounter: lines,
		prettyErrors: false
	});
	if (doc.errors.length) {
		throw new PollsError(
			doc.errors.map(
				(e) => `${FILE}:${e.linePos?.[0]?.line ?? 1} (syntax): ${e.message.split('\n')[0]}`
			)
		);
	}
	const problems: string[] = [];
	const at = (path: (string | number)[], message: string) => {
		let line = 1;
		for (let depth = path.length; depth >= 0; depth--) {
			const node = doc.getIn(path.slice(0, depth), true) as { range?: number[] } | undefined;
			if (node?.range) {
				line = lines.linePos(node.range[0]!).line;
				break;
			}
		}
		const field = path
			.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
			.join('')
			.slice(1);
		problems.push(`${FILE}:${line} ${field || '(file)'}: ${message}`);
	};

	const parsed = pollsSchema.safeParse(doc.toJS());
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
			at(
				path,
				issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message
			);
		}
		throw new PollsError(problems);
	}

	const slides = new Set<string>();
	for (const c of content.chapters) {
		for (const s of c.steps) slides.add(s.id);
		if (hasDiscussion(c)) slides.add(discussionId(c.id));
	}
	const readingName = new Map(content.readings.map((r) => [r.id, r.name]));
	// Every id written in the file (polls and their options) names one thing, so a CSV row or a
	// ballot can never be read two ways.
	const seen = new Map<string, string>();
	const claim = (id: string, path: (string | number)[], what: string) => {
		const earlier = seen.get(id);
		if (earlier) at(path, `duplicate id "${id}" (already ${earlier})`);
		else seen.set(id, what);
	};
	const polls = parsed.data.polls.map((p, i): ContentPoll => {
		claim(p.id, ['polls', i, 'id'], `a poll`);
		p.options?.forEach((o, j) =>
			claim(o.id, ['polls', i, 'options', j, 'id'], `an option of "${p.id}"`)
		);
		if (!slides.has(p.slide))
			at(['polls', i, 'slide'], `unknown slide "${p.slide}" (a step id or <chapter>--discussion)`);
		const options =
			p.options ?? (p.readings ?? []).map((r) => ({ id: r, label: readingName.get(r) ?? r }));
		p.readings?.forEach((r, j) => {
			if (!readingName.has(r)) at(['polls', i, 'readings', j], `unknown reading "${r}"`);
		});
		if (p.readings && new Set(p.readings).size !== p.readings.length)
			at(['polls', i, 'readings'], 'a reading is listed twice');
		return { id: p.id, slide: p.slide, question: p.question, options };
	});

	// A chapter that sets readings side by side asks the class to choose between them.
	for (const c of content.chapters) {
		if (!c.readings.length) continue;
		const own = new Set([...c.steps.map((s) => s.id), discussionId(c.id)]);
		const asked = parsed.data.polls.some(
			(p) => own.has(p.slide) && p.readings?.some((r) => c.readings.includes(r))
		);
		if (!asked) at(['polls'], `chapter "${c.id}" shows readings but has no poll offering them`);
	}

	if (problems.length) throw new PollsError(problems);
	return polls;
}
