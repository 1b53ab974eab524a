import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { sentenceMarks } from '$lib/content/checks/factcheck-log';
import { fixture, problemsOf } from './support/content-fixture';

/*
 * The fact-check log against real articles: the valid fixture laid out as the project is, with
 * its two articles in ../../shared/sources beside it, so that every line the log cites is read.
 */
const ARTICLES = {
	'000_a.txt': 'Adam lives alone.\n\nHarry knocks one night.\n',
	'001_b.txt': 'A first line.\nHarry was so lonely that night.'
};
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(edits: Record<string, (text: string) => string> = {}, articles = ARTICLES) {
	const base = mkdtempSync(join(tmpdir(), 'factcheck-'));
	dirs.push(base);
	const root = join(base, 'wt', 'content');
	cpSync(fixture, root, { recursive: true });
	mkdirSync(join(base, 'shared', 'sources'), { recursive: true });
	for (const [file, text] of Object.entries(articles))
		writeFileSync(join(base, 'shared', 'sources', file), text);
	for (const [file, change] of Object.entries(edits)) {
		const path = join(root, file);
		writeFileSync(path, change(readFileSync(path, 'utf8')));
	}
	return root;
}

/** A second log row, added after the fixture's one. */
const withRow = (row: string) => ({
	'factcheck.yaml': (t: string) => `${t.trimEnd()}\n${row.replace(/^\n/, '')}`
});

describe('the lines the fact-check log cites', () => {
	it('pass when each stands in its article and holds text', () => {
		expect(() => loadContent(project())).not.toThrow();
	});

	it('fail the build for a line past the end of the article', () => {
		const root = project({
			'factcheck.yaml': (t) => t.replace('{ alpha: [1] }', '{ alpha: [1, 4] }')
		});
		expect(problemsOf(root)).toEqual([
			'content/factcheck.yaml:5 checks[0].supports.alpha: line 4 does not exist: 000_a.txt has 3 lines'
		]);
	});

	it('fail the build for a blank line, and for any line of an article that is not there', () => {
		const blank = project({
			'factcheck.yaml': (t) => t.replace('{ alpha: [1] }', '{ alpha: [2] }')
		});
		expect(problemsOf(blank)).toEqual([
			'content/factcheck.yaml:5 checks[0].supports.alpha: line 2 of 000_a.txt is blank; cite the line that says it'
		]);
		const gone = project({}, { '000_a.txt': ARTICLES['000_a.txt'] } as typeof ARTICLES);
		expect(problemsOf(gone)).toEqual([
			'content/factcheck.yaml:6 checks[0].contradicts.beta: line 2 does not exist: 001_b.txt has 0 lines'
		]);
	});
});

describe('a fact from the public record', () => {
	const row = (supports: string, words: string) =>
		withRow(`
  - id: film-year
    basis: public record
    claim: The film was released in 2023.
    words: ['${words}']
    steps: [tower-lit]
    supports: ${supports}
    contradicts: {}
    verdict: corrected
    changed: Added from the release.
`);

	it('stands unmarked, with no article behind it', () => {
		const root = project({
			...row('{}', 'It came out in 2023'),
			'chapters/00-tower.yaml': (t) =>
				t.replace('One window is lit.[^alpha]', 'One window is lit.[^alpha] It came out in 2023.')
		});
		expect(() => loadContent(root)).not.toThrow();
	});

	it('fails when its row cites an article', () => {
		const root = project({
			...row('{ alpha: [1] }', 'It came out in 2023'),
			'chapters/00-tower.yaml': (t) =>
				t.replace('One window is lit.[^alpha]', 'One window is lit.[^alpha] It came out in 2023.')
		});
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/factcheck\.yaml:\d+ checks\[1\]\.supports: a "public record" row is never cited to an article/
			)
		]);
	});

	it('fails when its sentence carries a source mark, even after the full stop', () => {
		const root = project({
			...row('{}', 'It came out in 2023'),
			'chapters/00-tower.yaml': (t) =>
				t.replace('One window is lit.[^alpha]', 'One window is lit. It came out in 2023.[^alpha]')
		});
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/factcheck\.yaml:\d+ checks\[1\]\.words\[0\]: "It came out in 2023" carries the citation mark \[\^alpha\] in tower-lit/
			)
		]);
	});

	it('fails when the place it names does not hold its words', () => {
		expect(problemsOf(project(row('{}', 'It came out in 2023')))).toEqual([
			expect.stringMatching(/checks\[1\]\.words: none of the row's words stands in tower-lit/)
		]);
	});
});

describe('an inference of ours', () => {
	const row = (supports: string, step = 'tower-alone') =>
		withRow(`
  - id: nobody-near
    kind: inference
    claim: No one lived near enough to notice.
    words: [No one was near enough to notice]
    steps: [${step}]
    supports: ${supports}
    contradicts: {}
    from: { alpha: [1] }
    verdict: confirmed
    changed: none
`);
	const said = (mark: string) => ({
		'chapters/00-tower.yaml': (t: string) =>
			t.replace(
				'Adam lives alone.[^alpha]',
				`Adam lives alone.[^alpha] No one was near enough to notice.${mark}`
			)
	});

	it('stands unmarked, naming the lines it is drawn from', () => {
		expect(() => loadContent(project({ ...row('{}'), ...said('') }))).not.toThrow();
	});

	it('fails when its sentence carries a source mark', () => {
		expect(problemsOf(project({ ...row('{}'), ...said('[^beta]') }))).toEqual([
			expect.stringMatching(
				/^content\/factcheck\.yaml:\d+ checks\[1\]\.words\[0\]: "No one was near enough to notice" carries the citation mark \[\^beta\] in tower-alone/
			)
		]);
	});

	it('fails when its row cites an article as support', () => {
		expect(problemsOf(project({ ...row('{ beta: [2] }'), ...said('') }))).toEqual([
			expect.stringMatching(
				/checks\[1\]\.supports: an "inference" row is never cited to an article/
			)
		]);
	});

	it('needs its words, and only an inference names lines in from', () => {
		const bare = project(
			withRow(`
  - id: bare
    kind: inference
    claim: Something of ours.
    steps: [tower-alone]
    supports: {}
    contradicts: {}
    verdict: confirmed
    changed: none
`)
		);
		expect(problemsOf(bare)).toEqual([
			expect.stringMatching(/checks\[1\]\.words: an "inference" row must name its words/)
		]);
		const fact = project({
			'factcheck.yaml': (t) => t.replace('    verdict:', '    from: { alpha: [1] }\n    verdict:')
		});
		expect(problemsOf(fact)).toEqual([
			expect.stringMatching(/checks\[0\]\.from: only an "inference" row names the lines/)
		]);
	});
});

describe('the places a row names', () => {
	it('may be items of the other files, which must exist', () => {
		const root = project(
			withRow(`
  - id: home-open
    claim: Where home is stays open.
    words: [They differ]
    in: [disagreements.yaml#home, disagreements.yaml#nowhere]
    supports: { alpha: [1] }
    contradicts: {}
    verdict: confirmed
    changed: none
`)
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/factcheck\.yaml:\d+ checks\[1\]\.in\[1\]: unknown place "disagreements\.yaml#nowhere"/
			)
		]);
	});

	it('must be named at all', () => {
		const root = project({
			'factcheck.yaml': (t) => t.replace('steps: [tower-alone]', 'steps: []')
		});
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(/checks\[0\]\.steps: must name at least one place the claim stands/)
		]);
	});
});

describe('a row marked cut', () => {
	const cut = withRow(`
  - id: gone
    claim: A lit window.
    words: [One window is lit]
    steps: [tower-lit]
    supports: {}
    contradicts: {}
    verdict: cut
    changed: Cut.
`);

	it('fails while its words still stand where it says they were cut', () => {
		expect(problemsOf(project(cut))).toEqual([
			expect.stringMatching(
				/checks\[1\]\.words\[0\]: "One window is lit" still stands in tower-lit, but the row says it was cut/
			)
		]);
	});

	it('passes once they are gone', () => {
		const root = project({
			...cut,
			'chapters/00-tower.yaml': (t) => t.replace('One window is lit.[^alpha]', 'A tower.[^alpha]')
		});
		expect(() => loadContent(root)).not.toThrow();
	});
});

describe('sentenceMarks', () => {
	it('reads the marks of the one sentence, up to and after its full stop', () => {
		const text = 'Foy and Bell play them.[^a][^b] The credits give Foy as his mother. Next.[^c]';
		expect(sentenceMarks(text, 0, 4)).toEqual(['[^a]', '[^b]']);
		expect(sentenceMarks(text, text.indexOf('The credits'), 11)).toEqual([]);
		expect(sentenceMarks('A claim,[^a] and ours.', 13, 4)).toEqual([]);
	});
});
