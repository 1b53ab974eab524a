import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { passGate } from '../support/gate';
import { goLive } from '../support/page';

/*
 * The reading chapters' graphics: drawn from content/, and changing with the step. Chapters are
 * found by their feature, never by their place in the story. Assertions read text and data
 * attributes, not pixels.
 */

interface StepYaml {
	id: string;
	text: string;
	focus?: string[];
	point?: string;
}
interface ChapterYaml {
	id: string;
	feature?: string;
	readings?: string[];
	steps: StepYaml[];
}
// A shared, busy machine: give each state change time to land.
const expect = baseExpect.configure({ timeout: 15_000 });
const root = join(process.cwd(), 'content');
const read = <T>(f: string) => parse(readFileSync(join(root, f), 'utf8')) as T;
const chapters = readdirSync(join(root, 'chapters'))
	.filter((f) => f.endsWith('.yaml'))
	.sort()
	.map((f) => read<ChapterYaml>(join('chapters', f)));
const byFeature = (feature: string) => chapters.filter((c) => c.feature === feature);
const { readings } = read<{
	readings: { id: string; verdicts: Record<string, { verdict: string }> }[];
}>('readings.yaml');
const { beats } = read<{ beats: { id: string }[] }>('beats.yaml');
const evidence = read<{ moments: { id: string }[]; clues: { id: string; moment: string }[] }>(
	'evidence.yaml'
);
const { sources } = read<{ sources: { id: string }[] }>('sources.yaml');
const { points } = read<{ points: { id: string; claims: { source: string; says: string }[] }[] }>(
	'disagreements.yaml'
);
const verdictsOf = (id: string) =>
	beats.map((b) => readings.find((r) => r.id === id)!.verdicts[b.id]!.verdict);

/** Puts the step's top `at` (0..1 of its height) at the middle of the screen, so it is active. */
async function toStep(page: Page, id: string, at = 0.3) {
	const step = page.locator(`[data-step="${id}"]`);
	await step.evaluate((el, at) => {
		const r = el.getBoundingClientRect();
		window.scrollTo(0, window.scrollY + r.top + r.height * at - window.innerHeight / 2);
	}, at);
	await expect(step).toHaveAttribute('aria-current', 'step');
}

const graphic = (page: Page, chapter: string) => page.locator(`section#${chapter} [data-graphic]`);

// Each test walks a whole chapter, step by step.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
	await passGate(page);
	await page.goto('/');
});

test('the evidence board lights exactly each step’s clues, and the last step weighs the moments', async ({
	page
}) => {
	const [chapter] = byFeature('evidence');
	expect(chapter).toBeDefined();
	const board = graphic(page, chapter!.id);
	const counts = new Map(evidence.moments.map((m) => [m.id, 0]));
	for (const c of evidence.clues) counts.set(c.moment, counts.get(c.moment)! + 1);
	const heaviest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
	for (const [i, step] of chapter!.steps.entries()) {
		await toStep(page, step.id);
		await expect(board).toHaveAttribute('data-graphic-step', step.id);
		await expect(board.locator('[data-clue]')).toHaveCount(evidence.clues.length);
		const lit = board.locator('[data-clue][data-lit="true"]');
		await expect
			.poll(
				async () =>
					(await lit.evaluateAll((els) => els.map((e) => e.getAttribute('data-clue')))).sort(),
				{ message: `lit clues at ${step.id}` }
			)
			.toEqual([...(step.focus ?? [])].sort());
		const likeliest = board.locator('.likeliest');
		if (i === chapter!.steps.length - 1)
			await expect(likeliest).toHaveAttribute('data-moment', heaviest);
		else await expect(likeliest).toHaveCount(0);
	}
});

test('the readings strips turn each reading’s beats to its verdicts as the steps reach it', async ({
	page
}) => {
	const list = byFeature('readings');
	expect(list.length).toBeGreaterThan(0);
	for (const chapter of list) {
		await goLive(page, chapter.id);
		const g = graphic(page, chapter.id);
		await expect(g.locator('[data-reading]')).toHaveCount(chapter.readings!.length);
		const met = new Set<string>();
		for (const step of chapter.steps) {
			for (const id of step.focus ?? []) met.add(id);
			await toStep(page, step.id);
			await expect(g).toHaveAttribute('data-graphic-step', step.id);
			for (const id of chapter.readings!) {
				const marks = g.locator(`[data-reading="${id}"] [data-beat]`);
				const expected = met.has(id) ? verdictsOf(id) : beats.map(() => 'none');
				await expect
					.poll(() => marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))))
					.toEqual(expected);
			}
			// A step naming a disagreement sets its claims out, source by source, and lights the last beat.
			const point = g.locator('[data-point]');
			if (!step.point) {
				await expect(point).toHaveCount(0);
				continue;
			}
			const claims = points.find((p) => p.id === step.point)!.claims;
			const says = sources.flatMap((s) => claims.filter((c) => c.source === s.id));
			await expect(point).toHaveAttribute('data-point', step.point);
			await expect
				.poll(() => point.locator('[data-claim] .says').allInnerTexts())
				.toEqual(says.map((c) => c.says));
			await expect(g.locator(`[data-beat="${beats.at(-1)!.id}"].lit`)).toHaveCount(
				chapter.readings!.length
			);
		}
	}
});

test('the lenses chooser sits in the graphic: each reading sets every beat to its verdict and reason', async ({
	page
}) => {
	const [chapter] = byFeature('lenses');
	const g = graphic(page, chapter!.id);
	await toStep(page, chapter!.steps[0]!.id);
	const radios = g.getByRole('radio');
	await expect(radios).toHaveCount(readings.length);
	await expect(radios.first()).toBeChecked();
	await radios.first().focus();
	for (const [i, r] of readings.entries()) {
		if (i > 0) await page.keyboard.press('ArrowRight');
		await expect(radios.nth(i)).toBeChecked();
		await expect(g.locator('[data-lenses]')).toHaveAttribute('data-reading', r.id);
		const rows = g.locator('[data-beat]');
		await expect
			.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))))
			.toEqual(verdictsOf(r.id));
		for (const text of await g.locator('[data-beat] .verdict').allInnerTexts())
			expect(text.trim()).toMatch(/^(real|imagined|open)\s+\S/i);
	}
	await expect(g.locator('[data-lens-status]')).toContainText(/\d+ real, \d+ imagined, \d+ open/);
	// A step that names beats brings them forward.
	for (const step of chapter!.steps) {
		await toStep(page, step.id);
		const lit = g.locator('[data-beat].lit');
		await expect
			.poll(async () =>
				(await lit.evaluateAll((els) => els.map((e) => e.getAttribute('data-beat')))).sort()
			)
			.toEqual([...(step.focus ?? [])].sort());
	}
	// Nothing of the chooser sits under the top bar while its chapter is read.
	const bar = await page.locator('nav.bar').first().boundingBox();
	const picker = await g.locator('fieldset').boundingBox();
	if (bar && picker) expect(picker.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
});

test('own words: each step’s quoted lines arrive in the graphic under their speaker and venue', async ({
	page
}) => {
	const [chapter] = byFeature('quotes');
	const g = graphic(page, chapter!.id);
	for (const step of chapter!.steps) {
		await toStep(page, step.id);
		await expect(g).toHaveAttribute('data-graphic-step', step.id);
		if (step.focus?.length) {
			await expect
				.poll(async () =>
					(
						await g
							.locator('[data-now="true"]')
							.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote')))
					).sort()
				)
				.toEqual([...step.focus!].sort());
		} else {
			await expect(g.locator('[data-quote]')).toHaveCount(0);
		}
	}
});

test('disagreements: the step’s points come up in turn, across the three source columns', async ({
	page
}) => {
	const [chapter] = byFeature('disagreements');
	await goLive(page, chapter!.id);
	const g = graphic(page, chapter!.id);
	await expect(g.locator('[data-column]')).toHaveCount(sources.length);
	for (const step of chapter!.steps) {
		const focus = step.focus ?? [];
		if (!focus.length) continue;
		await toStep(page, step.id, 0.02);
		await expect(g.locator('[data-point]')).toHaveAttribute('data-point', focus[0]!);
		// Reading on through the step brings its other points up, and only those.
		const seen = new Set<string>();
		for (const at of [0.2, 0.4, 0.6, 0.8, 0.95]) {
			await toStep(page, step.id, at);
			await page.waitForTimeout(150);
			seen.add((await g.locator('[data-point]').getAttribute('data-point'))!);
		}
		for (const id of seen) expect(focus).toContain(id);
		// A later point of the step comes up too: the step brings every point it names.
		if (focus.length > 1) expect([...seen].some((id) => id !== focus[0])).toBe(true);
		expect(seen.has(focus.at(-1)!)).toBe(true);
	}
});

test('sources: the matrix counts, per chapter, the steps citing each source', async ({ page }) => {
	const [chapter] = byFeature('sources');
	await goLive(page, chapter!.id);
	const g = graphic(page, chapter!.id);
	for (const c of chapters) {
		const counts = sources.map(
			(s) => c.steps.filter((st) => st.text.includes(`[^${s.id}]`)).length
		);
		const row = g.locator(`[data-row="${c.id}"] td[data-count]`);
		if (counts.every((n) => n === 0)) await expect(row).toHaveCount(0);
		else
			expect(
				await row.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))
			).toEqual(counts);
	}
	// The last column: per chapter, the steps whose marks name one source alone.
	for (const c of chapters) {
		const cell = g.locator(`[data-row="${c.id}"] td[data-alone]`);
		if (!(await cell.count())) continue;
		const alone = c.steps.filter(
			(st) => new Set([...st.text.matchAll(/\[\^([a-z-]+)\]/g)].map((m) => m[1])).size === 1
		).length;
		await expect(cell).toHaveAttribute('data-alone', String(alone));
		await expect(cell).toHaveAttribute('data-steps', String(c.steps.length));
	}
	// The first step looks at the three sources, the second at the steps on one source.
	const steps = chapter!.steps;
	await toStep(page, steps[0]!.id);
	await expect(g.locator('[data-focus]')).toHaveAttribute('data-focus', 'sources');
	await toStep(page, steps.at(-1)!.id);
	await expect(g).toHaveAttribute('data-graphic-step', steps.at(-1)!.id);
	await expect(g.locator('[data-focus]')).toHaveAttribute('data-focus', 'alone');
});
