import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { passGate } from '../support/gate';
import { goLive, reachStep, started } from '../support/page';

/*
 * The argument's two charts, read against content/: the clues on the film's timeline (every clue
 * at its beat, a ring per source, a line to its moment, weights that add up to the yaml) and the
 * readings' split on each beat (counts equal to readings.yaml). Their words are big enough for a
 * phone and for the back of a classroom, and without JavaScript both stand finished.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
const root = join(process.cwd(), 'content');
const read = <T>(f: string) => parse(readFileSync(join(root, f), 'utf8')) as T;
interface StepYaml {
	id: string;
	focus?: string[];
}
const chapters = readdirSync(join(root, 'chapters'))
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => read<{ id: string; feature?: string; steps: StepYaml[] }>(join('chapters', f)));
const clueChapter = chapters.find((c) => c.feature === 'evidence')!;
const lensChapter = chapters.find((c) => c.feature === 'lenses')!;
const { beats } = read<{ beats: { id: string; label: string }[] }>('beats.yaml');
const { moments, clues } = read<{
	moments: { id: string; beat: string }[];
	clues: { id: string; moment: string; seen: string; citations: string[] }[];
}>('evidence.yaml');
const { readings } = read<{
	readings: { id: string; verdicts: Record<string, { verdict: string }> }[];
}>('readings.yaml');

const chart = (page: Page) => page.locator(`section#${clueChapter.id} [data-clue-chart]`);
const lenses = (page: Page) => page.locator(`section#${lensChapter.id} [data-lenses]`);

const byId = <T extends { id: string | null }>(list: T[]) =>
	[...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));

/** Each clue's sources and beat as the chart draws them (in id order, sources sorted). */
async function drawnClues(c: Locator) {
	const drawn = await c.locator('[data-clue]').evaluateAll((els) =>
		els.map((e) => ({
			id: e.getAttribute('data-clue'),
			seen: e.getAttribute('data-seen'),
			sources: [...e.querySelectorAll('[data-source]')]
				.map((s) => s.getAttribute('data-source'))
				.sort()
		}))
	);
	return byId(drawn);
}

async function weightsShown(c: Locator) {
	return Object.fromEntries(
		await c
			.locator('[data-moment]')
			.evaluateAll((els) =>
				els.map((e) => [e.getAttribute('data-moment'), Number(e.getAttribute('data-weight'))])
			)
	);
}

/** The split each beat's strip shows: its data and the counts written on it. */
async function splitsShown(l: Locator) {
	return l.locator('[data-split]').evaluateAll((els) =>
		els.map((e) => ({
			beat: e.getAttribute('data-split'),
			counts: Object.fromEntries(
				['real', 'imagined', 'open'].map((v) => [
					v,
					Number(e.querySelector(`[data-count="${v}"]`)?.textContent ?? 0)
				])
			),
			cells: e.querySelectorAll('[data-cell]').length
		}))
	);
}

const expectedSplits = () =>
	beats.map((b) => {
		const counts = { real: 0, imagined: 0, open: 0 } as Record<string, number>;
		for (const r of readings) counts[r.verdicts[b.id]!.verdict]!++;
		return { beat: b.id, counts, cells: readings.length };
	});

const expectedClues = () =>
	byId(clues.map((c) => ({ id: c.id, seen: c.seen, sources: [...c.citations].sort() })));

function weightsAt(index: number) {
	const last = index === clueChapter.steps.length - 1;
	const seen = new Set(clueChapter.steps.slice(0, index + 1).flatMap((s) => s.focus ?? []));
	return Object.fromEntries(
		moments.map((m) => [
			m.id,
			clues.filter((c) => c.moment === m.id && (last || seen.has(c.id))).length
		])
	);
}

/** The smallest rendered size of the text in `selector`, zoom included (the projector fits). */
async function smallestText(scope: Locator, selector: string) {
	return scope.locator(selector).evaluateAll((els) =>
		els
			.filter((e) => e.getClientRects().length > 0 && (e.textContent ?? '').trim())
			.map((e) => {
				const zoom = (e as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
				return {
					text: (e.textContent ?? '').trim().slice(0, 30),
					px: parseFloat(getComputedStyle(e).fontSize) * zoom
				};
			})
			.sort((a, b) => a.px - b.px)
	);
}

const clueLabels = '.beat, .moment .name, .moment .count:not(.none), [data-clue] .label';
const lensLabels = '[data-beat] .label, [data-count], [data-beat] .verdict strong';

test.describe('on the reading page', () => {
	test.describe.configure({ timeout: 120_000 });
	test.beforeEach(async ({ page }) => {
		await passGate(page);
		await page.goto('/');
		await started(page);
	});

	test('the clue chart draws every clue of evidence.yaml at its beat, a ring per source, and weighs step by step', async ({
		page
	}) => {
		await goLive(page, clueChapter.id);
		const c = chart(page);
		for (const [i, step] of clueChapter.steps.entries()) {
			await reachStep(page, step.id);
			await expect(c.locator('[data-clue]')).toHaveCount(clues.length);
			expect(await drawnClues(c)).toEqual(expectedClues());
			await expect
				.poll(() => weightsShown(c), { message: `weights at ${step.id}` })
				.toEqual(weightsAt(i));
			const lit = await c
				.locator('[data-clue][data-lit="true"]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-clue')));
			expect(lit.sort()).toEqual([...(step.focus ?? [])].sort());
		}
		// The totals: one line a clue, each to its moment, all drawn.
		const lines = await c
			.locator('[data-line]')
			.evaluateAll((els) =>
				els.map((e) => [
					e.getAttribute('data-line'),
					e.getAttribute('data-to'),
					e.getAttribute('data-shown')
				])
			);
		expect(lines.sort()).toEqual(clues.map((cl) => [cl.id, cl.moment, 'true']).sort());
		const perSource = (list: { sources: (string | null)[] }[]) =>
			list.flatMap((x) => x.sources).sort();
		expect(perSource(await drawnClues(c))).toEqual(perSource(expectedClues()));
		// Where it sits: each clue's row lies within its beat's band, below the beat before it.
		const tops = await c.evaluate((el) => {
			const y = (e: Element) => e.getBoundingClientRect().top;
			const beatsTop = [...el.querySelectorAll('.plot > .beat')].map(y);
			const clueTop = Object.fromEntries(
				[...el.querySelectorAll('[data-clue]')].map((e) => [e.getAttribute('data-clue'), y(e)])
			);
			const momentTop = Object.fromEntries(
				[...el.querySelectorAll('[data-moment]')].map((e) => [e.getAttribute('data-moment'), y(e)])
			);
			return { beatsTop, clueTop, momentTop };
		});
		expect(tops.beatsTop).toHaveLength(beats.length);
		for (const cl of clues) {
			const at = beats.findIndex((b) => b.id === cl.seen);
			const top = tops.clueTop[cl.id]!;
			expect(top, cl.id).toBeGreaterThanOrEqual(tops.beatsTop[at]! - 4);
			if (at + 1 < beats.length) expect(top, cl.id).toBeLessThan(tops.beatsTop[at + 1]!);
		}
		for (const m of moments) {
			const at = beats.findIndex((b) => b.id === m.beat);
			expect(Math.abs(tops.momentTop[m.id]! - tops.beatsTop[at]!), m.id).toBeLessThan(6);
		}
	});

	test('the split on every beat equals readings.yaml, and the chosen reading’s cell is the one ringed', async ({
		page
	}) => {
		await goLive(page, lensChapter.id);
		const l = lenses(page);
		await reachStep(page, lensChapter.steps[0]!.id);
		expect(await splitsShown(l)).toEqual(expectedSplits());
		const radios = l.getByRole('radio');
		for (const [i, r] of readings.entries()) {
			await radios.nth(i).check();
			await expect(l).toHaveAttribute('data-reading', r.id);
			const ringed = await l
				.locator('[data-split] .chosen')
				.evaluateAll((els) =>
					els.map((e) => [
						e.closest('[data-split]')?.getAttribute('data-split'),
						e.getAttribute('data-cell'),
						e.closest('[data-group]')?.getAttribute('data-group')
					])
				);
			expect(ringed).toEqual(beats.map((b) => [b.id, r.id, r.verdicts[b.id]!.verdict]));
		}
		// The steps walk from where the readings agree to where they split.
		const share = (id: string) =>
			Math.max(...Object.values(expectedSplits().find((s) => s.beat === id)!.counts));
		const [, agree, split] = lensChapter.steps;
		const least = Math.min(...beats.map((b) => share(b.id)));
		for (const id of agree!.focus ?? []) expect(share(id), id).toBeGreaterThanOrEqual(6);
		for (const id of split!.focus ?? []) expect(share(id), id).toBe(least);
		// The text equivalent holds the same counts, beat by beat.
		const table = await l
			.locator('table tbody tr')
			.evaluateAll((rows) =>
				rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)))
			);
		expect(table).toEqual(
			expectedSplits().map((s) => [s.counts.real, s.counts.imagined, s.counts.open])
		);
	});

	test('bars grow in at most 600 ms, and not at all under reduced motion', async ({ page }) => {
		await goLive(page, clueChapter.id);
		const duration = () =>
			chart(page)
				.locator('.bar')
				.first()
				.evaluate((e) => parseFloat(getComputedStyle(e).transitionDuration) * 1000);
		const moving = await duration();
		expect(moving).toBeGreaterThan(0);
		expect(moving).toBeLessThanOrEqual(600);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		expect(await duration()).toBe(0);
	});
});

test.describe('sizes', () => {
	test('on a phone every label of both charts is at least 14 px', async ({ browser }) => {
		test.setTimeout(120_000);
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await passGate(page);
		await page.goto('/');
		await started(page);
		await goLive(page, clueChapter.id);
		const small = await smallestText(chart(page), clueLabels);
		expect(small.length).toBeGreaterThan(clues.length);
		expect(small[0]!.px, small[0]!.text).toBeGreaterThanOrEqual(14);
		await goLive(page, lensChapter.id);
		const lens = await smallestText(lenses(page), lensLabels);
		expect(lens.length).toBeGreaterThan(beats.length * 2);
		expect(lens[0]!.px, lens[0]!.text).toBeGreaterThanOrEqual(14);
		await context.close();
	});

	test('on the projector at 1366x768 every label of both charts is at least 20 px', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1366, height: 768 });
		for (const [id, scope, selector] of [
			[clueChapter.steps.at(-1)!.id, '[data-clue-chart]', clueLabels],
			[lensChapter.steps.at(-1)!.id, '[data-lenses]', lensLabels]
		] as const) {
			await page.goto(`/present#${id}`);
			await page.locator('[data-ready]').waitFor();
			await expect(page.locator('[data-fitting]')).toHaveCount(0);
			const sizes = await smallestText(page.locator(scope), selector);
			expect(sizes.length, id).toBeGreaterThan(beats.length);
			expect(sizes[0]!.px, `${id}: ${sizes[0]!.text}`).toBeGreaterThanOrEqual(20);
		}
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page shows both charts finished and styled', async ({ page }) => {
		await page.goto('/');
		const c = chart(page);
		await c.scrollIntoViewIfNeeded();
		await expect(c).toBeVisible();
		expect(await drawnClues(c)).toEqual(expectedClues());
		expect(await weightsShown(c)).toEqual(weightsAt(clueChapter.steps.length - 1));
		// Every line drawn (styled, not merely in the markup) and the likeliest moment marked.
		const opacities = await c
			.locator('[data-line]')
			.evaluateAll((els) => els.map((e) => Number(getComputedStyle(e).opacity)));
		expect(opacities).toHaveLength(clues.length);
		for (const o of opacities) expect(o).toBeGreaterThan(0.3);
		await expect(c.locator('.likeliest')).toHaveCount(1);
		const l = lenses(page);
		await l.scrollIntoViewIfNeeded();
		await expect(l.locator('[data-split]').first()).toBeVisible();
		expect(await splitsShown(l)).toEqual(expectedSplits());
		const cell = await l
			.locator('[data-cell]')
			.first()
			.evaluate((e) => [e.getBoundingClientRect().width, getComputedStyle(e).backgroundColor]);
		expect(cell[0]).toBeGreaterThan(8);
		expect(cell[1]).not.toBe('rgba(0, 0, 0, 0)');
	});
});
