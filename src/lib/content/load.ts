import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { sceneStates, type SceneId, type FeatureId } from '$lib/scenes/registry';
import {
	beatsSchema,
	chapterSchema,
	disagreementsSchema,
	evidenceSchema,
	quotesSchema,
	readingsSchema,
	sourcesSchema,
	storySchema,
	type ChapterFile
} from './schema';
import {
	CITATION,
	QUOTATION,
	countWords,
	plain,
	renderBlock,
	renderInline,
	typeset,
	type CitationTarget
} from './markdown';
import { focusProblem, graphicFor, type FocusIds } from './graphics';
import type { Chapter, Content, Quote, Source, Step } from './types';

/** Every problem found in content/, each as `file:line field: message`. */
export class ContentError extends Error {
	constructor(readonly problems: string[]) {
		super(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
		this.name = 'ContentError';
	}
}

type Path = (string | number)[];

/** A parsed YAML file that can say on which line any field of it stands. */
class YamlFile {
	readonly doc: Document;
	private readonly lines = new LineCounter();

	constructor(
		readonly name: string,
		readonly source: string
	) {
		this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false });
	}

	/** The line of the deepest node along `path` that exists, plus `extraLines` inside it. */
	line(path: Path, extraLines = 0): number {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = this.doc.getIn(path.slice(0, depth), true) as
				{ range?: [number, number, number]; type?: string } | undefined;
			if (node?.range) {
				// A block scalar's text starts on the line after its `|` indicator.
				const block =
					isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
				const line = this.lines.linePos(node.range[0]).line;
				return line + (depth === path.length ? extraLines + (block && extraLines ? 1 : 0) : 0);
			}
		}
		return 1;
	}
}

function fieldName(path: Path): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
		''
	);
}

class Problems {
	readonly list: string[] = [];

	add(file: YamlFile, path: Path, message: string, extraLines = 0) {
		this.list.push(
			`${file.name}:${file.line(path, extraLines)} ${fieldName(path) || '(file)'}: ${message}`
		);
	}
}

function readYaml<S extends z.ZodType>(
	root: string,
	path: string,
	schema: S,
	problems: Problems
): { file: YamlFile; data: z.infer<S> } | undefined {
	const name = join('content', relative(root, path));
	if (!existsSync(path)) {
		problems.list.push(`${name}: file is missing`);
		return undefined;
	}
	const file = new YamlFile(name, readFileSync(path, 'utf8'));
	if (file.doc.errors.length) {
		for (const error of file.doc.errors) {
			const line = error.linePos?.[0]?.line ?? 1;
			problems.list.push(`${name}:${line} (syntax): ${error.message.split('\n')[0]}`);
		}
		return undefined;
	}
	const parsed = schema.safeParse(file.doc.toJS());
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
			const message =
				issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
			problems.add(file, path, message);
		}
		return undefined;
	}
	return { file, data: parsed.data };
}

/** Loads, validates and renders content/. Throws ContentError naming every problem. */
export function loadContent(root: string): Content {
	const problems = new Problems();
	const yaml = <S extends z.ZodType>(name: string, schema: S) =>
		readYaml(root, join(root, name), schema, problems);

	const story = yaml('story.yaml', storySchema);
	const sources = yaml('sources.yaml', sourcesSchema);
	const quotes = yaml('quotes.yaml', quotesSchema);
	const beats = yaml('beats.yaml', beatsSchema);
	const readings = yaml('readings.yaml', readingsSchema);
	const evidence = yaml('evidence.yaml', evidenceSchema);
	const disagreements = yaml('disagreements.yaml', disagreementsSchema);

	const chapterDir = join(root, 'chapters');
	const chapterFiles = existsSync(chapterDir)
		? readdirSync(chapterDir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
		: [];
	if (chapterFiles.length === 0) problems.list.push('content/chapters: no chapter files');
	const chapters = chapterFiles
		.map((f) => ({ f, parsed: yaml(join('chapters', f), chapterSchema) }))
		.filter((c): c is { f: string; parsed: { file: YamlFile; data: ChapterFile } } => !!c.parsed);

	// Cross-file checks need every file parsed; stop here if any is not.
	if (
		problems.list.length ||
		!story ||
		!sources ||
		!quotes ||
		!beats ||
		!readings ||
		!evidence ||
		!disagreements
	) {
		throw new ContentError(problems.list);
	}

	const sourceIds = new Map<string, CitationTarget>(
		sources.data.sources.map((s, i) => [s.id, { n: i + 1, headline: s.headline }])
	);
	const quoteList: Quote[] = quotes.data.quotes.map((q) => ({ ...q, display: typeset(q.text) }));
	const quoteById = new Map(quoteList.map((q) => [q.id, q]));
	const quoteTexts = quotes.data.quotes.map((q) => normaliseQuote(q.text));

	/** Citation and quotation marks inside one Markdown field. */
	const checkMarkdown = (file: YamlFile, path: Path, md: string): string[] => {
		const cited: string[] = [];
		for (const m of md.matchAll(CITATION)) {
			const id = m[1]!;
			if (!sourceIds.has(id)) {
				problems.add(
					file,
					path,
					`unknown source "${id}" in citation mark; known: ${[...sourceIds.keys()].join(', ')}`,
					linesBefore(md, m.index)
				);
			} else if (!cited.includes(id)) cited.push(id);
		}
		for (const m of md.matchAll(QUOTATION)) {
			const quoted = normaliseQuote(m[1]!);
			if (!quoteTexts.some((q) => q.includes(quoted))) {
				problems.add(
					file,
					path,
					`quotation "${m[1]}" is not, word for word, in quotes.yaml (titles go in *italics*)`,
					linesBefore(md, m.index)
				);
			}
		}
		return cited;
	};

	const duplicateIds = new Map<string, string>();
	const claimId = (id: string, file: YamlFile, path: Path, what: string) => {
		const earlier = duplicateIds.get(id);
		if (earlier) problems.add(file, path, `duplicate id "${id}" (already used by ${earlier})`);
		else duplicateIds.set(id, `${what} in ${file.name}`);
	};
	const uniqueWithin = (ids: { id: string }[], file: YamlFile, key: string) => {
		const seen = new Set<string>();
		ids.forEach(({ id }, i) => {
			if (seen.has(id)) problems.add(file, [key, i, 'id'], `duplicate id "${id}"`);
			seen.add(id);
		});
	};
	uniqueWithin(sources.data.sources, sources.file, 'sources');
	uniqueWithin(quotes.data.quotes, quotes.file, 'quotes');
	uniqueWithin(beats.data.beats, beats.file, 'beats');
	uniqueWithin(readings.data.readings, readings.file, 'readings');
	uniqueWithin(evidence.data.clues, evidence.file, 'clues');
	uniqueWithin(disagreements.data.points, disagreements.file, 'points');

	const focusIds: FocusIds = {
		clues: evidence.data.clues.map((c) => c.id),
		chapterReadings: [],
		beats: beats.data.beats.map((b) => b.id),
		quotes: quotes.data.quotes.map((q) => q.id),
		points: disagreements.data.points.map((p) => p.id),
		sources: [...sourceIds.keys()]
	};
	const citedBy = new Map<string, string[]>([...sourceIds.keys()].map((id) => [id, []]));
	const builtChapters: Chapter[] = chapters.map(({ f, parsed: { file, data } }, n) => {
		const expected = f.replace(/^\d+-/, '').replace(/\.yaml$/, '');
		if (expected !== data.id)
			problems.add(
				file,
				['id'],
				`"${data.id}" does not match the file name (expected "${expected}")`
			);
		claimId(data.id, file, ['id'], 'a chapter');
		const states: readonly string[] = sceneStates[data.scene as SceneId];
		for (const r of data.readings ?? []) {
			if (!readings.data.readings.some((x) => x.id === r)) {
				problems.add(
					file,
					['readings', (data.readings ?? []).indexOf(r)],
					`unknown reading "${r}"`
				);
			}
		}
		const steps: Step[] = data.steps.map((s, index) => {
			claimId(s.id, file, ['steps', index, 'id'], 'a step');
			if (!states.includes(s.state)) {
				problems.add(
					file,
					['steps', index, 'state'],
					`scene "${data.scene}" has no state "${s.state}"; it has: ${states.join(', ')}`
				);
			}
			let quote: Quote | undefined;
			if (s.quote) {
				quote = quoteById.get(s.quote);
				if (!quote) problems.add(file, ['steps', index, 'quote'], `unknown quote "${s.quote}"`);
			}
			(s.focus ?? []).forEach((f, j) => {
				const problem = focusProblem(f, data.feature as FeatureId | undefined, {
					...focusIds,
					chapterReadings: data.feature === 'readings' ? (data.readings ?? []) : []
				});
				if (problem) problems.add(file, ['steps', index, 'focus', j], problem);
			});
			const cited = checkMarkdown(file, ['steps', index, 'text'], s.text);
			checkMarkdown(file, ['steps', index, 'notes'], s.notes);
			for (const id of cited) citedBy.get(id)?.push(s.id);
			return {
				id: s.id,
				chapter: data.id,
				index,
				html: renderBlock(s.text, sourceIds),
				plain: plain(s.text),
				state: s.state,
				alt: s.alt,
				notes: renderBlock(s.notes, sourceIds),
				quote,
				citations: cited,
				focus: s.focus ?? []
			};
		});
		(data.questions ?? []).forEach((q, i) => checkMarkdown(file, ['questions', i], q));
		return {
			id: data.id,
			n,
			title: data.title,
			kind: data.kind,
			scene: data.scene as SceneId,
			feature: data.feature as FeatureId | undefined,
			readings: data.readings ?? [],
			sceneData: data.sceneData ?? {},
			steps,
			questions: (data.questions ?? []).map((q) => renderInline(q, sourceIds))
		};
	});

	const chapterIds = new Set(builtChapters.map((c) => c.id));
	beats.data.beats.forEach((b, i) => {
		if (!chapterIds.has(b.chapter))
			problems.add(beats.file, ['beats', i, 'chapter'], `unknown chapter "${b.chapter}"`);
		checkMarkdown(beats.file, ['beats', i, 'summary'], b.summary);
	});
	const beatIds = beats.data.beats.map((b) => b.id);
	readings.data.readings.forEach((r, i) => {
		for (const beat of beatIds) {
			if (!r.verdicts[beat])
				problems.add(readings.file, ['readings', i, 'verdicts'], `no verdict for beat "${beat}"`);
		}
		for (const [beat, v] of Object.entries(r.verdicts)) {
			if (!beatIds.includes(beat))
				problems.add(readings.file, ['readings', i, 'verdicts', beat], `unknown beat "${beat}"`);
			checkMarkdown(readings.file, ['readings', i, 'verdicts', beat, 'reason'], v.reason);
		}
		checkMarkdown(readings.file, ['readings', i, 'summary'], r.summary);
		for (const key of ['heldBy', 'for', 'against'] as const) {
			r[key].forEach((md, j) => checkMarkdown(readings.file, ['readings', i, key, j], md));
		}
	});
	uniqueWithin(evidence.data.moments, evidence.file, 'moments');
	const momentIds = evidence.data.moments.map((m) => m.id);
	evidence.data.clues.forEach((c, i) => {
		if (!momentIds.includes(c.moment))
			problems.add(
				evidence.file,
				['clues', i, 'moment'],
				`unknown moment "${c.moment}"; known: ${momentIds.join(', ')}`
			);
		c.citations.forEach((id, j) => {
			if (!sourceIds.has(id))
				problems.add(evidence.file, ['clues', i, 'citations', j], `unknown source "${id}"`);
		});
		checkMarkdown(evidence.file, ['clues', i, 'clue'], c.clue);
		checkMarkdown(evidence.file, ['clues', i, 'suggests'], c.suggests);
	});
	disagreements.data.points.forEach((p, i) => {
		p.claims.forEach((c, j) => {
			if (!sourceIds.has(c.source))
				problems.add(
					disagreements.file,
					['points', i, 'claims', j, 'source'],
					`unknown source "${c.source}"`
				);
			checkMarkdown(disagreements.file, ['points', i, 'claims', j, 'says'], c.says);
		});
		checkMarkdown(disagreements.file, ['points', i, 'conclusion'], p.conclusion);
		checkMarkdown(disagreements.file, ['points', i, 'reason'], p.reason);
	});
	sources.data.sources.forEach((s, i) =>
		checkMarkdown(sources.file, ['sources', i, 'about'], s.about)
	);
	checkMarkdown(story.file, ['spoiler', 'text'], story.data.spoiler.text);
	checkMarkdown(story.file, ['credits'], story.data.credits);

	if (problems.list.length) throw new ContentError(problems.list);

	const inline = (md: string) => renderInline(md, sourceIds);
	const words = builtChapters.reduce(
		(sum, c) => sum + c.steps.reduce((s, step) => s + countWords(step.plain), 0),
		0
	);
	const content: Content = {
		story: {
			title: story.data.title,
			dek: story.data.dek,
			description: story.data.description,
			spoiler: { html: inline(story.data.spoiler.text), button: story.data.spoiler.button },
			scrollHint: story.data.scrollHint,
			credits: inline(story.data.credits),
			words,
			// About 230 words a minute, plus time to look at the pictures and the interactive parts.
			readingMinutes: Math.max(1, Math.round(words / 230 + builtChapters.length * 0.25))
		},
		chapters: builtChapters,
		sources: sources.data.sources.map((s, i): Source => ({
			...s,
			n: i + 1,
			about: inline(s.about),
			citedBy: citedBy.get(s.id) ?? []
		})),
		quotes: quoteList,
		beats: beats.data.beats.map((b) => ({ ...b, summary: inline(b.summary) })),
		readings: readings.data.readings.map((r) => ({
			id: r.id,
			name: r.name,
			summary: inline(r.summary),
			heldBy: r.heldBy.map(inline),
			for: r.for.map(inline),
			against: r.against.map(inline),
			gist: r.gist,
			verdicts: Object.fromEntries(
				Object.entries(r.verdicts).map(([k, v]) => [
					k,
					{ verdict: v.verdict, reason: inline(v.reason) }
				])
			)
		})),
		moments: evidence.data.moments,
		clues: evidence.data.clues.map((c) => ({
			...c,
			clue: inline(c.clue),
			suggests: inline(c.suggests)
		})),
		disagreements: disagreements.data.points.map((p) => ({
			id: p.id,
			topic: p.topic,
			claims: p.claims.map((c) => ({ source: c.source, says: inline(c.says) })),
			conclusion: inline(p.conclusion),
			reason: inline(p.reason)
		}))
	};
	for (const c of content.chapters) c.graphic = graphicFor(c, content);
	return content;
}

function linesBefore(text: string, index = 0): number {
	return (text.slice(0, index).match(/\n/g) ?? []).length;
}

/** Quotations are compared with curly marks folded to straight ones and spaces collapsed. */
export function normaliseQuote(s: string): string {
	return s.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
