import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { fixture, mutated, problemsOf } from './support/content-fixture';

describe('loadContent on valid content', () => {
	const content = loadContent(fixture);

	it('reads chapters in file order with their steps', () => {
		expect(content.chapters.map((c) => c.id)).toEqual(['tower', 'reading']);
		expect(content.chapters[0]!.steps.map((s) => s.id)).toEqual(['tower-alone', 'tower-lit']);
	});

	it('turns citation marks into numbered links to the source note', () => {
		const html = content.chapters[0]!.steps[0]!.html;
		expect(html).toContain('href="#source-alpha"');
		expect(html).toMatch(/>1<\/a><\/sup>/);
		expect(html).toContain('href="#source-beta"');
		expect(content.chapters[0]!.steps[0]!.citations).toEqual(['alpha', 'beta']);
	});

	it('records which steps cite each source', () => {
		expect(content.sources.find((s) => s.id === 'alpha')!.citedBy).toEqual([
			'tower-alone',
			'tower-lit'
		]);
	});

	it('attaches quotations with speaker and venue', () => {
		expect(content.chapters[0]!.steps[1]!.quote).toMatchObject({
			speaker: 'Harry',
			venue: 'the film'
		});
	});

	it('typesets quotation marks and keeps a plain version of each step', () => {
		expect(content.chapters[0]!.steps[0]!.html).toContain('“so lonely that night”');
		expect(content.chapters[0]!.steps[0]!.plain).not.toContain('[^');
	});
});

describe('loadContent on malformed content', () => {
	it('names file, line and field for a missing field', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('    alt: A lit window.\n', '')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(/^content\/chapters\/00-tower\.yaml:14 steps\[1\]\.alt: is required$/)
		]);
	});

	it('names the story file and field for the kicker, the film and the image alt', () => {
		expect(problemsOf(mutated('story.yaml', (t) => t.replace(/^kicker: .*\n/m, '')))).toEqual([
			expect.stringMatching(/^content\/story\.yaml(:\d+)? kicker: is required$/)
		]);
		expect(
			problemsOf(mutated('story.yaml', (t) => t.replace('year: 2023', 'year: twenty')))
		).toEqual([expect.stringMatching(/^content\/story\.yaml:\d+ film\.year: /)]);
		expect(problemsOf(mutated('story.yaml', (t) => t.replace(/^ {2}director: .*\n/m, '')))).toEqual(
			[expect.stringMatching(/^content\/story\.yaml:\d+ film\.director: is required$/)]
		);
		expect(
			problemsOf(mutated('story.yaml', (t) => t.replace('alt: A test picture.', 'alt: ""')))
		).toEqual([expect.stringMatching(/^content\/story\.yaml:\d+ image\.alt: must not be empty$/)]);
	});

	it('gives the story its kicker, headline, film and image alt', () => {
		const story = loadContent(fixture).story;
		expect(story.kicker).toBe('The test explained');
		expect(story.headline).toBe('A test story: the test explained');
		expect(story.film).toEqual({ year: 2023, director: 'A. Director' });
		expect(story.imageAlt).toBe('A test picture.');
	});

	it('rejects a duplicate id across chapters', () => {
		const root = mutated('chapters/01-reading.yaml', (t) =>
			t.replace('id: reading-one', 'id: tower-lit')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/01-reading\.yaml:10 steps\[0\]\.id: duplicate id "tower-lit" \(already used by a step in content\/chapters\/00-tower\.yaml\)$/
			)
		]);
	});

	it('rejects a citation to an unknown source, on the line of the mark', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('later.[^beta]', 'later.[^gamma]')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:10 steps\[0\]\.text: unknown source "gamma"/
			)
		]);
	});

	it('rejects an unknown scene', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('scene: tower', 'scene: castle')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:4 scene: unknown scene "castle"; known: title, tower/
			)
		]);
	});

	it('rejects a state its scene does not have', () => {
		const root = mutated('chapters/00-tower.yaml', (t) => t.replace('state: dusk', 'state: dawn'));
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/00-tower\.yaml:11 steps\[0\]\.state: scene "tower" has no state "dawn"/
			)
		]);
	});

	it('rejects a quotation that is not in the quote list', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('"so lonely that night"', '"so alone that night"')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/00-tower\.yaml:10 steps\[0\]\.text: quotation "so alone that night" is not, word for word, in quotes\.yaml/
			)
		]);
	});

	it('rejects an unknown quote id', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('quote: lonely', 'quote: scared')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(/00-tower\.yaml:\d+ steps\[1\]\.quote: unknown quote "scared"/)
		]);
	});

	it('rejects a reading without a verdict for every beat', () => {
		const root = mutated(
			'beats.yaml',
			(t) => t + '  - id: body\n    label: The body\n    chapter: tower\n    summary: Found.\n'
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/readings\.yaml:10 readings\[0\]\.verdicts: no verdict for beat "body"$/
			)
		]);
	});

	it('reports broken YAML syntax with its line', () => {
		const root = mutated('evidence.yaml', (t) =>
			t.replace('citations: [alpha]', 'citations: [alpha')
		);
		expect(problemsOf(root)[0]).toMatch(/^content\/evidence\.yaml:\d+ \(syntax\): /);
	});

	it('rejects an empty string and an id with capitals', () => {
		const root = mutated('sources.yaml', (t) =>
			t.replace('headline: Alpha headline', "headline: ''").replace('id: beta', 'id: Beta')
		);
		const problems = problemsOf(root);
		expect(problems).toContain('content/sources.yaml:4 sources[0].headline: must not be empty');
		expect(problems).toContainEqual(
			expect.stringMatching(/^content\/sources\.yaml:7 sources\[1\]\.id: must be lowercase/)
		);
	});

	it('rejects a chapter whose id does not match its file name', () => {
		const root = mutated('chapters/00-tower.yaml', (t) => t.replace('id: tower\n', 'id: towers\n'));
		expect(problemsOf(root)).toContainEqual(
			expect.stringMatching(/00-tower\.yaml:1 id: "towers" does not match the file name/)
		);
	});

	it('reports a missing file', () => {
		const root = mutated('evidence.yaml', (t) => t);
		rmSync(join(root, 'evidence.yaml'));
		expect(problemsOf(root)).toEqual(['content/evidence.yaml: file is missing']);
	});
});
