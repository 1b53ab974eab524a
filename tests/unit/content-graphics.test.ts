import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '$lib/content/load';
import { fixture, mutated, problemsOf } from './support/content-fixture';
import { sourceRows } from '$lib/content/graphics';

/* The fields the reading chapters' graphics draw: validated, named when wrong, gathered per chapter. */

describe('graphic data on valid content', () => {
	const content = loadContent(fixture);

	it('gives a reading chapter its readings, in the chapter’s order, and the beats', () => {
		const g = content.chapters.find((c) => c.id === 'reading')!.graphic;
		expect(g?.kind).toBe('readings');
		if (g?.kind !== 'readings') return;
		expect(g.readings.map((r) => r.id)).toEqual(['memory']);
		expect(g.readings[0]!.gist).toBe('It is memory.');
		expect(g.beats).toBe(content.beats);
	});

	it('gives a plot chapter no graphic data, and keeps each step’s focus', () => {
		expect(content.chapters.find((c) => c.id === 'tower')!.graphic).toBeUndefined();
		expect(content.chapters.find((c) => c.id === 'reading')!.steps[0]!.focus).toEqual(['memory']);
	});

	it('reads clue labels, moments and short source names', () => {
		expect(content.moments).toEqual([{ id: 'that-night', label: 'That night', beat: 'knock' }]);
		expect(content.clues[0]).toMatchObject({
			label: 'The bottle',
			moment: 'that-night',
			seen: 'knock'
		});
		expect(content.sources.map((s) => s.short)).toEqual(['Alpha', 'Beta']);
	});

	it('counts, per chapter, the steps whose citation marks name each source, and those on one', () => {
		expect(sourceRows(content)).toEqual([
			{ id: 'tower', title: 'The tower', counts: [2, 1], steps: 2, alone: 1 },
			{ id: 'reading', title: 'A reading', counts: [0, 1], steps: 1, alone: 1 }
		]);
	});
});

describe('graphic fields on malformed content', () => {
	it('rejects a focus naming a reading the chapter does not show', () => {
		const root = mutated('chapters/01-reading.yaml', (t) =>
			t.replace('focus: [memory]', 'focus: [memory, ghosts]')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/01-reading\.yaml:\d+ steps\[0\]\.focus\[1\]: unknown reading of this chapter "ghosts"; known: memory$/
			)
		]);
	});

	it('names a scene text the chapter leaves out', () => {
		const root = mutated('chapters/01-reading.yaml', (t) =>
			t.replace('  heading: One reading, beat by beat\n', '  other: words\n')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/01-reading\.yaml:\d+ sceneData\.heading: the readings scene draws this text; give it$/
			)
		]);
	});

	it('rejects a point that names no disagreement, and a point outside a readings chapter', () => {
		const unknown = mutated('chapters/01-reading.yaml', (t) =>
			t.replace('    state: overview\n', '    state: overview\n    point: nowhere\n')
		);
		expect(problemsOf(unknown)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/01-reading\.yaml:\d+ steps\[0\]\.point: unknown disagreement point "nowhere"; known: /
			)
		]);
		const misplaced = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('    state: lit\n', '    state: lit\n    point: nowhere\n')
		);
		expect(problemsOf(misplaced)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:\d+ steps\[1\]\.point: only a readings graphic sets out a point$/
			)
		]);
	});

	it('rejects a focus on a chapter that has no graphic to focus', () => {
		const root = mutated('chapters/00-tower.yaml', (t) =>
			t.replace('    state: lit\n', '    state: lit\n    focus: [bottle]\n')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:\d+ steps\[1\]\.focus\[0\]: only a chapter with a feature/
			)
		]);
	});

	it('rejects a clue pointing to an unknown moment, and a missing label', () => {
		const root = mutated('evidence.yaml', (t) =>
			t.replace('moment: that-night', 'moment: next-day')
		);
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/evidence\.yaml:8 clues\[0\]\.moment: unknown moment "next-day"; known: that-night$/
			)
		]);
		const unlabelled = mutated('evidence.yaml', (t) => t.replace('    label: The bottle\n', ''));
		expect(problemsOf(unlabelled)).toEqual([
			expect.stringMatching(/^content\/evidence\.yaml:\d+ clues\[0\]\.label: is required$/)
		]);
	});

	it('places the clue timeline on the beats: an unknown or missing beat is named by file and field', () => {
		const seen = mutated('evidence.yaml', (t) => t.replace('seen: knock', 'seen: the-end'));
		expect(problemsOf(seen)).toEqual([
			expect.stringMatching(
				/^content\/evidence\.yaml:9 clues\[0\]\.seen: unknown beat "the-end"; known: knock$/
			)
		]);
		const at = mutated('evidence.yaml', (t) => t.replace('beat: knock', 'beat: Knock'));
		expect(problemsOf(at)).toEqual([
			expect.stringMatching(/^content\/evidence\.yaml:4 moments\[0\]\.beat: must be lowercase/)
		]);
		const unknown = mutated('evidence.yaml', (t) => t.replace('beat: knock', 'beat: dawn'));
		expect(problemsOf(unknown)).toEqual([
			expect.stringMatching(
				/^content\/evidence\.yaml:4 moments\[0\]\.beat: unknown beat "dawn"; known: knock$/
			)
		]);
		const missing = mutated('evidence.yaml', (t) => t.replace('    seen: knock\n', ''));
		expect(problemsOf(missing)).toEqual([
			expect.stringMatching(/^content\/evidence\.yaml:\d+ clues\[0\]\.seen: is required$/)
		]);
	});

	it('gives the evidence graphic the beats its timeline runs along', () => {
		const content = loadContent(fixture);
		const g = content.chapters.find((c) => c.graphic?.kind === 'evidence')?.graphic;
		if (g) expect(g.kind === 'evidence' && g.beats).toBe(content.beats);
		const real = loadContent(join(process.cwd(), 'content'));
		const ev = real.chapters.find((c) => c.feature === 'evidence')!.graphic!;
		expect(ev.kind).toBe('evidence');
		if (ev.kind !== 'evidence') return;
		const beats = new Set(ev.beats.map((b) => b.id));
		for (const c of ev.clues) expect(beats.has(c.seen), c.id).toBe(true);
		for (const m of ev.moments) expect(beats.has(m.beat), m.id).toBe(true);
	});

	it('rejects a label too long to draw, and Markdown in a gist', () => {
		const long = mutated('evidence.yaml', (t) =>
			t.replace('label: The bottle', `label: ${'A very long label '.repeat(3)}`)
		);
		expect(problemsOf(long)).toEqual([
			expect.stringMatching(/clues\[0\]\.label: must be at most 32 characters/)
		]);
		const marked = mutated('readings.yaml', (t) =>
			t.replace('gist: It is memory.', 'gist: It is *memory*.')
		);
		expect(problemsOf(marked)).toEqual([
			expect.stringMatching(/readings\[0\]\.gist: must be plain text/)
		]);
	});

	it('requires a short name for every source', () => {
		const root = mutated('sources.yaml', (t) => t.replace('    short: Beta\n', ''));
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(/^content\/sources\.yaml:\d+ sources\[1\]\.short: is required$/)
		]);
	});
});
