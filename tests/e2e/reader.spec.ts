import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';
import { disableWebGL, goLive, started } from '../support/page';

/** Scrolls so that the step's top sits just above the engine's trigger line (mid-viewport). */
async function scrollToStep(page: Page, id: string) {
	await page.locator(`[data-step="${id}"]`).evaluate((el) => {
		const r = el.getBoundingClientRect();
		window.scrollTo({
			top: window.scrollY + r.top - window.innerHeight / 2 + 4,
			behavior: 'instant'
		});
	});
}

async function stepIds(page: Page, chapter: string) {
	return page
		.locator(`section#${chapter} [data-step]`)
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-step')!));
}

test.describe('way-finding', () => {
	test.beforeEach(async ({ page }) => passGate(page));

	test('the active step follows scrolling, down and back up', async ({ page }) => {
		await page.goto('/');
		const ids = await page
			.locator('[data-step]')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-step')!));
		for (const id of [ids[1]!, ids[Math.floor(ids.length / 2)]!, ids[2]!]) {
			await scrollToStep(page, id);
			await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
			await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
		}
	});

	test('the progress bar never steps back while the reader reads on', async ({ page }) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/');
		await started(page);
		const bar = page.locator('.progress span');
		await bar.waitFor({ state: 'attached' });
		// Chapters are drawn at their real height the first time they near the screen
		// (content-visibility: auto), so the page grows under a reader scrolling down.
		const seen = await page.evaluate(async () => {
			const read = () =>
				new DOMMatrix(getComputedStyle(document.querySelector('.progress span')!).transform).a;
			const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
			const values: number[] = [];
			while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
				scrollBy(0, 100);
				await frame();
				await frame();
				values.push(read());
			}
			return values;
		});
		expect(seen.length).toBeGreaterThan(100);
		const back = seen.flatMap((v, i) =>
			i > 0 && v < seen[i - 1]! - 1e-4 ? [[i, seen[i - 1], v]] : []
		);
		expect(back, 'steps where the bar went back').toEqual([]);
		expect(seen.at(-1)).toBeGreaterThan(0.99);
	});

	test('a deep link to a chapter lands there and focuses its heading', async ({ page }) => {
		await page.goto('/#home');
		await expect(page.locator('#home h2')).toBeFocused();
		await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-chapter', 'home');
		const top = await page.locator('#home h2').evaluate((el) => el.getBoundingClientRect().top);
		expect(top).toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(400);
	});

	test('a deep link to a step makes that step active and focuses its chapter heading', async ({
		page
	}) => {
		await page.goto('/');
		// The page has started (its scripts load after the words), as a reader's would have.
		await started(page);
		const [, second] = await stepIds(page, 'harry');
		await page.goto(`/#${second}`);
		await page.reload();
		await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', second!);
		await expect(page.locator('#harry h2')).toBeFocused();
	});

	test('the hash follows the reader through replaceState, adding no history', async ({ page }) => {
		await page.goto('/');
		const before = await page.evaluate(() => history.length);
		const ids = await stepIds(page, 'goodbye');
		// Nothing is written before the reader moves.
		await page.waitForTimeout(600);
		expect(new URL(page.url()).hash).toBe('');
		for (const id of ids) {
			await scrollToStep(page, id);
			await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
		}
		const last = ids.at(-1)!;
		await expect.poll(() => new URL(page.url()).hash, { timeout: 3000 }).toBe(`#${last}`);
		expect(await page.evaluate(() => history.length)).toBe(before);
	});

	test('the chapter menu works by keyboard and closes with Escape', async ({ page }) => {
		await page.goto('/');
		const toggle = page.getByRole('button', { name: 'Chapters' });
		await toggle.focus();
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		const menu = page.locator('#chapter-menu');
		await expect(menu).toBeVisible();
		await expect(menu.locator('a').first()).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await expect(toggle).toBeFocused();

		// Open again, Tab to a chapter, follow it.
		await page.keyboard.press('Enter');
		const link = menu.getByRole('link', { name: 'Chapter 4: Home' });
		for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(menu).toBeHidden();
		await expect(page.locator('#home h2')).toBeFocused();
		await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-chapter', 'home');
		// The menu marks the chapter being read.
		await toggle.click();
		await expect(menu.locator('[aria-current="location"]')).toHaveAttribute('href', '#home');
	});

	test('a polite live region announces the chapter the reader enters', async ({ page }) => {
		await page.goto('/#goodbye');
		const announcer = page.locator('[aria-live="polite"][data-announcer]');
		await expect(announcer).toHaveText('');
		// The scripts have run (they land the deep link once more when they do).
		await started(page);
		const [first] = await stepIds(page, 'sixth-floor');
		await page.mouse.wheel(0, 50);
		await scrollToStep(page, first!);
		await expect(announcer).toHaveText(/^Chapter \d+: Harry's flat$/i);
	});
});

test.describe('the spoiler gate', () => {
	test('withholds the story until the button is pressed, then remembers', async ({ page }) => {
		await page.goto('/');
		// The prerendered page shows the story (a reader without JavaScript gets it whole); the gate
		// closes when the page has started.
		await started(page);
		const story = page.locator('#story');
		await expect(story).toBeHidden();
		expect(await story.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
		// A reader who scrolls instead of pressing meets the same choice, not the story.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
		await expect(page.locator('.withheld-note button')).toBeInViewport();
		await page.evaluate(() => window.scrollTo(0, 0));
		const button = page.locator('.opening').getByRole('button', { name: /seen it/i });
		await expect(button).toBeVisible();
		await button.click();
		await expect(page.locator('.withheld-note')).toHaveCount(0);
		await expect(story).toBeVisible();
		expect(await story.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
		await expect(page.locator('section[id] h2').first()).toBeFocused();
		await page.reload();
		await expect(story).toBeVisible();
	});

	test('a deep link passes it', async ({ page }) => {
		await page.goto('/#harry');
		await expect(page.locator('#story')).toBeVisible();
		await expect(page.locator('#harry h2')).toBeFocused();
	});
});

test.describe('reading lenses', () => {
	test.beforeEach(async ({ page }) => passGate(page));

	test('the graphic’s chooser and the folded table agree, verdict by verdict', async ({ page }) => {
		await page.goto('/');
		const chapter = await page
			.locator('section[id]', { has: page.locator('[data-feature="lenses"]') })
			.getAttribute('id');
		await goLive(page, chapter!);
		const lenses = page.locator('[data-lenses]');
		await lenses.scrollIntoViewIfNeeded();
		const radios = lenses.getByRole('radio');
		// The prerendered still names one reading; the chooser arrives with the live graphic.
		await expect(radios.first()).toBeVisible();
		const n = await radios.count();
		expect(n).toBeGreaterThan(0);
		await expect(radios.first()).toBeChecked();
		await radios.first().focus();
		await page.keyboard.press('ArrowRight');
		const chosen = n > 1 ? 1 : 0;
		await expect(radios.nth(chosen)).toBeChecked();
		await expect(radios.nth(chosen)).toBeFocused();

		// The table is folded behind a button on screen; opened, it must agree column by column.
		const feature = page.locator('[data-feature="lenses"]');
		const more = feature.getByRole('button');
		await expect(more).toHaveAttribute('aria-expanded', 'false');
		await expect(feature.locator('table')).toBeHidden();
		await more.click();
		await expect(more).toHaveAttribute('aria-expanded', 'true');
		const table = feature.locator('table');
		const expected = await table
			.locator('tbody tr')
			.evaluateAll(
				(rows, col) =>
					rows.map((tr) =>
						(tr.querySelectorAll('td')[col] as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
					),
				chosen
			);
		const shown = await lenses
			.locator('.timeline .verdict')
			.evaluateAll((els) =>
				els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
			);
		expect(shown.map((s) => s.toLowerCase())).toEqual(expected.map((s) => s.toLowerCase()));
	});
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce', viewport: { width: 1440, height: 900 } });
	test.beforeEach(async ({ page }) => passGate(page));

	test('every step’s text is visible at full strength', async ({ page }) => {
		await page.goto('/');
		await scrollToStep(page, (await stepIds(page, 'home'))[0]!);
		const cards = await page.locator('[data-step]').evaluateAll((els) =>
			els.map((el) => {
				const card = (el.firstElementChild ?? el) as HTMLElement;
				const s = getComputedStyle(card);
				// textContent: a chapter far from the screen is not drawn (content-visibility), and
				// innerText of undrawn text is empty although the text is there to be read.
				return {
					text: (card.textContent ?? '').trim().length,
					opacity: s.opacity,
					visibility: s.visibility
				};
			})
		);
		for (const c of cards) {
			expect(c.text).toBeGreaterThan(0);
			expect(c.opacity).toBe('1');
			expect(c.visibility).toBe('visible');
		}
	});
});

for (const width of [320, 390]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 844 } });
		test.beforeEach(async ({ page }) => passGate(page));

		test('nothing overflows sideways, all the way down', async ({ page }) => {
			// The walk waits for a frame at every screen. With software WebGL drawing the sky and the
			// finale on a machine shared with another browser, those frames came seconds apart and
			// the walk ran out of time. Without WebGL each sky is the 2D fallback, laid out in the same box.
			await page.addInitScript(disableWebGL);
			await page.goto('/');
			const widest = await page.evaluate(async () => {
				let max = 0;
				for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight) {
					window.scrollTo(0, y);
					await new Promise((r) => requestAnimationFrame(r));
					max = Math.max(max, document.documentElement.scrollWidth);
				}
				return max;
			});
			expect(widest).toBeLessThanOrEqual(width);
		});
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the story is not withheld and the way in is a plain link', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('#story')).toBeVisible();
		const enter = page.getByRole('link', { name: /seen it/i });
		await expect(enter).toHaveAttribute('href', /^#[a-z0-9-]+$/);
	});

	test('the lenses table holds every verdict of every reading', async ({ page }) => {
		await page.goto('/');
		const table = page.locator('[data-feature="lenses"] table');
		await expect(table).toBeVisible();
		const readings = await table.locator('thead th').count();
		const beats = await table.locator('tbody tr').count();
		expect(beats).toBeGreaterThan(0);
		const cells = await table.locator('tbody td').allTextContents();
		expect(cells).toHaveLength(beats * (readings - 1));
		for (const cell of cells) expect(cell.trim()).toMatch(/^(real|imagined|open)\s+\S/i);
	});
});
