/**
 * The read stage: every file of content/ parsed and checked against its schema, each kept with its
 * YAML document so later stages can name the line of any field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
	beatsSchema,
	chapterSchema,
	disagreementsSchema,
	evidenceSchema,
	quotesSchema,
	readingsSchema,
	sourcesSchema,
	storySchema
} from './schema';
import { YamlFile, type Problems } from './problems';
import { factcheckSchema } from './checks/factcheck-schema';

/** One parsed file: its data, and the YAML it came from. */
export interface Parsed<T> {
	file: YamlFile;
	data: T;
}

/** The files the loader knows, by name, and how each is shaped. */
const FILES = {
	story: storySchema,
	sources: sourcesSchema,
	quotes: quotesSchema,
	beats: beatsSchema,
	readings: readingsSchema,
	evidence: evidenceSchema,
	disagreements: disagreementsSchema,
	factcheck: factcheckSchema
} as const;

type Files = typeof FILES;

/** Every file of content/, parsed and valid on its own. */
export type ContentFiles = { [K in keyof Files]: Parsed<z.infer<Files[K]>> } & {
	/** The folder read (content/), for checks that look beside the project. */
	root: string;
	/** The chapter files in file-name order, with the name without its directory. */
	chapters: (Parsed<z.infer<typeof chapterSchema>> & { name: string })[];
};

export function readYaml<S extends z.ZodType>(
	root: string,
	path: string,
	schema: S,
	problems: Problems
): Parsed<z.infer<S>> | undefined {
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

/**
 * Reads content/ under `root`. Returns undefined, with the problems recorded, when any file is
 * missing, broken or off its schema: the cross-file checks need every file whole.
 */
export function readContent(root: string, problems: Problems): ContentFiles | undefined {
	const read: Partial<Record<keyof Files, Parsed<unknown>>> = {};
	for (const key of Object.keys(FILES) as (keyof Files)[]) {
		read[key] = readYaml(root, join(root, `${key}.yaml`), FILES[key], problems);
	}

	const dir = join(root, 'chapters');
	const names = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
		: [];
	if (names.length === 0) problems.list.push('content/chapters: no chapter files');
	const chapters = names.map((name) => {
		const parsed = readYaml(root, join(dir, name), chapterSchema, problems);
		return parsed && { ...parsed, name };
	});

	if (problems.list.length) return undefined;
	return { ...(read as ContentFiles), root, chapters: chapters as ContentFiles['chapters'] };
}
