import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { ContentError, loadContent } from '$lib/content/load';

/** The small valid content/ the loader's tests start from. */
export const fixture = join(import.meta.dirname, '..', 'fixtures', 'valid');
const dirs: string[] = [];

afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the valid fixture with some of its files rewritten. */
export function mutated(edits: Record<string, (text: string) => string>): string;
export function mutated(file: string, edit: (text: string) => string): string;
export function mutated(
	fileOrEdits: string | Record<string, (text: string) => string>,
	edit?: (text: string) => string
): string {
	const edits = typeof fileOrEdits === 'string' ? { [fileOrEdits]: edit! } : fileOrEdits;
	const root = join(mkdtempSync(join(tmpdir(), 'content-')), 'content');
	dirs.push(root);
	cpSync(fixture, root, { recursive: true });
	for (const [file, change] of Object.entries(edits)) {
		const path = join(root, file);
		writeFileSync(path, change(readFileSync(path, 'utf8')));
	}
	return root;
}

/** The problems the loader names for `root`; fails the test if the content loads. */
export function problemsOf(root: string): string[] {
	try {
		loadContent(root);
	} catch (e) {
		expect(e).toBeInstanceOf(ContentError);
		return (e as ContentError).problems;
	}
	throw new Error('expected the content to be rejected');
}
