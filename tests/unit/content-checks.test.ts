import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { fixture, mutated, problemsOf } from './support/content-fixture';
import { outcomesNamed } from '$lib/content/checks/verdict-reasons';

describe('a step that cites only contradicted sources', () => {
	it('passes while one cited source is not marked contradicted', () => {
		expect(() => loadContent(fixture)).not.toThrow();
	});

	it('fails, naming the chapter file, the step field and the log row', () => {
		const root = mutated({
			'factcheck.yaml': (t) =>
				t.replace('contradicts: { beta: [2] }', 'contradicts: { alpha: [1], beta: [2] }')
		});
		const problems = problemsOf(root);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			/^content\/chapters\/00-tower\.yaml:7 steps\[0\]\.text: cites only "alpha", "beta", which content\/factcheck\.yaml marks as contradicted for this step in checks\[0\] \(alpha\), checks\[0\] \(beta\)/
		);
	});

	it('fails when the step drops its one supported citation', () => {
		const root = mutated({
			'chapters/00-tower.yaml': (t) => t.replace('Adam lives alone.[^alpha]', 'Adam lives alone.')
		});
		expect(problemsOf(root)).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:\d+ steps\[0\]\.text: cites only "beta"/
			)
		]);
	});
});

describe('the fact-check log itself', () => {
	it('names unknown steps and sources with file, line and field', () => {
		const root = mutated({
			'factcheck.yaml': (t) =>
				t
					.replace('steps: [tower-alone]', 'steps: [tower-gone]')
					.replace('{ alpha: [1] }', '{ gamma: [1] }')
		});
		const problems = problemsOf(root);
		expect(problems).toContain(
			'content/factcheck.yaml:4 checks[0].steps[0]: unknown step "tower-gone"'
		);
		expect(problems).toContainEqual(
			expect.stringMatching(
				/^content\/factcheck\.yaml:5 checks\[0\]\.supports\.gamma: unknown source "gamma"/
			)
		);
	});

	it('rejects a row without a verdict, and a verdict outside the list', () => {
		expect(
			problemsOf(mutated({ 'factcheck.yaml': (t) => t.replace('    verdict: confirmed\n', '') }))[0]
		).toMatch(/^content\/factcheck\.yaml:2 checks\[0\]\.verdict: /);
		expect(
			problemsOf(mutated({ 'factcheck.yaml': (t) => t.replace('confirmed', 'probably') }))[0]
		).toMatch(/^content\/factcheck\.yaml:7 checks\[0\]\.verdict: /);
	});

	it('is required', () => {
		const root = mutated({});
		rmSync(join(root, 'factcheck.yaml'));
		expect(problemsOf(root)).toEqual(['content/factcheck.yaml: file is missing']);
	});
});

describe('a verdict whose reason contradicts its mark', () => {
	const withVerdict = (verdict: string, reason: string) =>
		mutated({
			'readings.yaml': (t) =>
				t.replace(
					'knock: { verdict: real, reason: It happens. }',
					`knock: { verdict: ${verdict}, reason: '${reason}' }`
				)
		});

	it('rejects "open" when the reason names one outcome', () => {
		expect(problemsOf(withVerdict('open', 'The parents he meets are imagined.'))).toEqual([
			expect.stringMatching(
				/^content\/readings\.yaml:\d+ readings\[0\]\.verdicts\.knock\.verdict: "open" but its reason names one outcome \("imagined"\)/
			)
		]);
	});

	it('rejects "open" used to mean part real, part imagined', () => {
		expect(problemsOf(withVerdict('open', 'A real place, imagined company.'))[0]).toMatch(
			/verdicts\.knock\.verdict: "open" but its reason names both outcomes/
		);
	});

	it('rejects a mark whose reason names only the other outcome, negation included', () => {
		expect(problemsOf(withVerdict('real', 'The parents are not present.'))[0]).toMatch(
			/verdicts\.knock\.verdict: "real" but its reason names only "imagined"/
		);
	});

	it('accepts "open" whose reason names no outcome, and a mark with a two-sided reason', () => {
		expect(() =>
			loadContent(withVerdict('open', 'The reading says nothing of Harry.'))
		).not.toThrow();
		expect(() =>
			loadContent(withVerdict('imagined', 'The trip is real; the parents are imagined.'))
		).not.toThrow();
	});

	it('reads outcomes word by word, turning a negated one over', () => {
		expect([...outcomesNamed('Remembered, not present.')]).toEqual(['imagined']);
		expect([...outcomesNamed('Really there.')]).toEqual(['real']);
		expect(outcomesNamed('Loneliness at a door.').size).toBe(0);
	});
});

describe('notes that link into the piece', () => {
	it('must land on a disagreement, a source, a chapter or a step', () => {
		const note = (target: string) =>
			mutated({
				'chapters/00-tower.yaml': (t) =>
					t.replace(
						'One window is lit.[^alpha]',
						`One window is lit.[^alpha] [Sources differ](#${target})`
					)
			});
		expect(() => loadContent(note('disagreement-home'))).not.toThrow();
		expect(problemsOf(note('disagreement-nowhere'))).toEqual([
			expect.stringMatching(
				/^content\/chapters\/00-tower\.yaml:15 steps\[1\]\.text: link to "#disagreement-nowhere" leads nowhere/
			)
		]);
	});
});
