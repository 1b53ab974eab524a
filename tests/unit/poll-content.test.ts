import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { loadPolls, PollsError } from '$lib/content/polls';

const content = loadContent(resolve('content'));
const real = readFileSync(resolve('content/polls.yaml'), 'utf8');
const dirs: string[] = [];

function problemsOf(yaml: string): string[] {
	const root = mkdtempSync(join(tmpdir(), 'polls-'));
	dirs.push(root);
	writeFileSync(join(root, 'polls.yaml'), yaml);
	try {
		loadPolls(root, content);
	} catch (e) {
		expect(e).toBeInstanceOf(PollsError);
		return (e as PollsError).problems;
	}
	throw new Error('expected polls.yaml to be rejected');
}

afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('content/polls.yaml', () => {
	const polls = loadPolls(resolve('content'), content);

	it('gives each chapter that shows readings a poll offering them, labelled by name', () => {
		for (const chapter of content.chapters.filter((c) => c.readings.length)) {
			const own = [...chapter.steps.map((s) => s.id), `${chapter.id}--discussion`];
			const offered = polls.filter((p) => own.includes(p.slide)).flatMap((p) => p.options);
			expect(offered.some((o) => chapter.readings.includes(o.id))).toBe(true);
		}
		const parents = polls.find((p) => p.id === 'parents-reading')!;
		expect(parents.options[0]).toEqual({ id: 'memory', label: 'Memories made visible' });
	});

	it('puts polls on discussion slides too', () => {
		expect(polls.filter((p) => p.slide.endsWith('--discussion')).length).toBeGreaterThanOrEqual(3);
	});
});

describe('a bad polls.yaml fails with file, line and field', () => {
	it('an unknown slide', () => {
		expect(
			problemsOf(real.replace('slide: parents-outside', 'slide: parents-nowhere'))
		).toContainEqual(
			expect.stringMatching(
				/^content\/polls\.yaml:\d+ polls\[1\]\.slide: unknown slide "parents-nowhere"/
			)
		);
	});
	it('an unknown reading', () => {
		const problems = problemsOf(
			real.replace(
				'readings: [memory, screenplay, journeys, ghosts]',
				'readings: [memory, vampires]'
			)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/polls\[1\]\.readings\[1\]: unknown reading "vampires"/)
		);
	});
	it('both readings and options, or neither', () => {
		expect(
			problemsOf('polls:\n  - id: a\n    slide: parents-outside\n    question: Q?\n')
		).toContainEqual(expect.stringMatching(/polls\[0\]: give either readings or options/));
	});
	it('a duplicate id and a duplicate option', () => {
		const twice = real
			.replace('id: parents-farewell', 'id: parents-reading')
			.replace('id: partly', 'id: yes');
		const problems = problemsOf(twice);
		expect(problems).toContainEqual(
			expect.stringMatching(/:24 polls\[2\]\.id: duplicate id "parents-reading" \(already a poll\)/)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(
				/polls\[4\]\.options\[1\]\.id: duplicate id "yes" \(already an option of "real-matters"\)/
			)
		);
	});
	it('a reading chapter left without a poll', () => {
		const problems = problemsOf(
			real
				.replace('slide: real-haigh-feeling', 'slide: real-question')
				.replace(
					/readings: \[dissociation[^\]]*\]/,
					'options: [{ id: a, label: A }, { id: b, label: B }]'
				)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(/chapter "was-any-of-it-real" shows readings but has no poll/)
		);
	});
	it('broken YAML and a missing field', () => {
		expect(problemsOf('polls:\n  - id: [')[0]).toMatch(/^content\/polls\.yaml:\d+ \(syntax\)/);
		expect(
			problemsOf('polls:\n  - id: a\n    slide: parents-outside\n    readings: [memory, ghosts]\n')
		).toContainEqual('content/polls.yaml:2 polls[0].question: is required');
	});
});

describe('open-answer polls', () => {
	const polls = loadPolls(resolve('content'), content);

	it('ask for words on the feeling slide and for a sentence on the relationships slide', () => {
		expect(polls.find((p) => p.slide === 'words-feeling')).toMatchObject({
			kind: 'words',
			options: []
		});
		expect(polls.find((p) => p.slide === 'words-relationships')).toMatchObject({
			kind: 'text',
			options: []
		});
		expect(polls.find((p) => p.id === 'harry-when')!.kind).toBe('choice');
	});
	it('refuse an unknown kind, naming the file and the field', () => {
		expect(
			problemsOf(real.replace('kind: words\n', 'kind: essay\n')).find((p) => /kind/.test(p))
		).toMatch(/^content\/polls\.yaml:\d+ polls\[\d+\]\.kind: /);
	});
	it('refuse options on an open poll', () => {
		const problems = problemsOf(
			real.replace(
				'kind: text\n',
				'kind: text\n    options: [{ id: a, label: A }, { id: b, label: B }]\n'
			)
		);
		expect(problems).toContainEqual(
			expect.stringMatching(
				/^content\/polls\.yaml:\d+ polls\[\d+\]\.options: a text poll takes open answers/
			)
		);
	});
});
