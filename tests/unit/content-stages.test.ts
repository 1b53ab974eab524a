/**
 * The loader's three stages, each on its own: read (files against their schemas), check (the
 * cross-file rules, as a list) and build (rendering). `content-load.test.ts` covers the whole.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Problems } from '$lib/content/problems';
import { readContent, type ContentFiles } from '$lib/content/read';
import { CHECKS, runChecks, type Check } from '$lib/content/checks';
import { checkMarks } from '$lib/content/checks/marks';
import { checkReferences } from '$lib/content/checks/references';
import { markdownFields } from '$lib/content/checks/fields';
import { buildContent, citedIn } from '$lib/content/build';

const fixture = join(import.meta.dirname, 'fixtures', 'valid');

function read(): ContentFiles {
	const problems = new Problems();
	const files = readContent(fixture, problems);
	expect(problems.list).toEqual([]);
	return files!;
}

/** Runs one check on a fresh read of the fixture that `edit` has changed in memory. */
function problemsOf(check: Check, edit: (f: ContentFiles) => void): string[] {
	const files = read();
	edit(files);
	const problems = new Problems();
	check(files, problems);
	return problems.list;
}

describe('read stage', () => {
	it('parses every file and the chapters in file-name order', () => {
		const f = read();
		expect(f.chapters.map((c) => c.name)).toEqual(['00-tower.yaml', '01-reading.yaml']);
		expect(f.sources.data.sources.map((s) => s.id)).toEqual(['alpha', 'beta']);
		expect(f.story.file.name).toBe('content/story.yaml');
	});

	it('records a missing directory and returns nothing to check', () => {
		const problems = new Problems();
		expect(readContent(join(fixture, 'nowhere'), problems)).toBeUndefined();
		expect(problems.list).toContain('content/story.yaml: file is missing');
		expect(problems.list).toContain('content/chapters: no chapter files');
	});
});

describe('check stage', () => {
	it('passes the valid fixture with every check in the list', () => {
		const problems = new Problems();
		runChecks(read(), problems);
		expect(problems.list).toEqual([]);
		expect(CHECKS.length).toBeGreaterThanOrEqual(4);
	});

	it('walks every Markdown field, steps and notes included', () => {
		const paths = markdownFields(read()).map((m) => `${m.file.name} ${m.path.join('.')}`);
		expect(paths).toContain('content/chapters/00-tower.yaml steps.0.text');
		expect(paths).toContain('content/chapters/00-tower.yaml steps.0.notes');
		expect(paths).toContain('content/story.yaml credits');
	});

	it('names the line of an unknown citation mark inside a field', () => {
		const list = problemsOf(checkMarks, (f) => {
			const step = f.chapters[0]!.data.steps[0]!;
			step.text = step.text.replace('[^alpha]', '[^gamma]');
		});
		expect(list).toHaveLength(1);
		expect(list[0]).toMatch(
			/^content\/chapters\/00-tower\.yaml:\d+ steps\[0\]\.text: unknown source "gamma"/
		);
	});

	it('rejects a beat pointing at an unknown chapter', () => {
		const list = problemsOf(checkReferences, (f) => {
			f.beats.data.beats[0]!.chapter = 'nowhere';
		});
		expect(list).toEqual([
			expect.stringMatching(/beats\[0\]\.chapter: unknown chapter "nowhere"$/)
		]);
	});
});

describe('build stage', () => {
	it('lists cited sources once each, in order of first mention', () => {
		expect(citedIn('a[^beta] b[^alpha] c[^beta]')).toEqual(['beta', 'alpha']);
	});

	it('numbers sources, links their citing steps and attaches quotations', () => {
		const content = buildContent(read());
		expect(content.sources.map((s) => [s.id, s.n])).toEqual([
			['alpha', 1],
			['beta', 2]
		]);
		const alpha = content.sources[0]!;
		expect(alpha.citedBy.length).toBeGreaterThan(0);
		const step = content.chapters[0]!.steps[0]!;
		expect(step.html).toContain('href="#source-alpha"');
		expect(step.citations[0]).toBe('alpha');
	});
});
