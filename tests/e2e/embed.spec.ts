import { expect, test } from '@playwright/test';

/** WCAG relative luminance contrast of two CSS colours, computed in the page. */
async function contrast(page: import('@playwright/test').Page, fg: string, bg: string) {
	return page.evaluate(
		({ fgSel, bgSel }) => {
			const rgb = (c: string) =>
				c
					.match(/[\d.]+/g)!
					.slice(0, 3)
					.map(Number);
			const lum = ([r, g, b]: number[]) => {
				const f = (v: number) => {
					const s = v / 255;
					return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
				};
				return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
			};
			const a = lum(rgb(getComputedStyle(document.querySelector(fgSel)!).color));
			const b = lum(rgb(getComputedStyle(document.querySelector(bgSel)!).backgroundColor));
			return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		},
		{ fgSel: fg, bgSel: bg }
	);
}

test('the embed has no site chrome and holds the whole story', async ({ page }) => {
	await page.goto('/');
	const all = await page.locator('main section[id]').count();
	await page.goto('/embed');
	await expect(page.locator('main section[id]')).toHaveCount(all);
	await expect(page.locator('h1, .skip-link, header.opening')).toHaveCount(0);
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/$/);
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('?chapter= embeds one chapter', async ({ page }) => {
	await page.goto('/embed?chapter=home');
	await expect(page.locator('section')).toHaveCount(1);
	await expect(page.locator('section#home h2')).toHaveCount(1);
	expect(await page.locator('[data-step]').count()).toBeGreaterThan(0);
	await expect(page.locator('.credit a')).toHaveAttribute('href', '/#home');
});

test('an unknown chapter says so instead of showing nothing', async ({ page }) => {
	await page.goto('/embed?chapter=no-such-chapter');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('“no-such-chapter”');
	await expect(alert).toContainText('home');
	await expect(page.locator('section')).toHaveCount(0);
});

test('?mode=flat unrolls it: a still above every step, nothing pinned', async ({ page }) => {
	await page.goto('/embed?chapter=knock&mode=flat');
	await expect(page.locator('.flat')).toHaveCount(1);
	const steps = await page.locator('[data-step]').count();
	expect(steps).toBeGreaterThan(1);
	await expect(page.locator('.pair .still [data-scene]')).toHaveCount(steps);
	for (const pair of await page.locator('.pair').all()) {
		const still = (await pair.locator('.still').boundingBox())!;
		const text = (await pair.locator('[data-step]').boundingBox())!;
		expect(still.y + still.height).toBeLessThanOrEqual(text.y + 1);
	}
	await expect(page.locator('.graphic')).toHaveCount(0);
});

test('?theme=light gives a light page with AA contrast', async ({ page }) => {
	await page.goto('/embed?theme=light&chapter=home');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	expect(await contrast(page, '[data-step] p', 'html')).toBeGreaterThanOrEqual(7);
	expect(await contrast(page, 'sup.cite > *', 'html')).toBeGreaterThanOrEqual(4.5);
	expect(await contrast(page, '.credit', 'html')).toBeGreaterThanOrEqual(4.5);
	expect(await contrast(page, '.number', 'html')).toBeGreaterThanOrEqual(4.5);
	await page.setViewportSize({ width: 400, height: 800 });
	expect(await contrast(page, '[data-step] p', 'html')).toBeGreaterThanOrEqual(7);
});

test('opened on its own (not framed), the embed scrolls like the page', async ({ page }) => {
	await page.goto('/embed?chapter=tower');
	await expect(page.locator('html')).toHaveAttribute('data-embedded', 'top');
	const step = page.locator('[data-step]').nth(1);
	const id = await step.getAttribute('data-step');
	await step.evaluate((el) => {
		const r = el.getBoundingClientRect();
		window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
	});
	await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', id!);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the embed is the whole story', async ({ page }) => {
		await page.goto('/embed?chapter=home');
		expect(await page.locator('main section[id]').count()).toBeGreaterThan(1);
		expect((await page.locator('[data-step]').first().innerText()).trim().length).toBeGreaterThan(
			0
		);
	});
});

test('the whole story embedded opens on its spoiler warning and withholds the story until the reader goes on', async ({
	page
}) => {
	await page.goto('/embed');
	const warning = page.locator('[data-spoiler-warning]');
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('Spoiler warning');
	const first = page.locator('main section[id]').first();
	await expect(first).toBeHidden();
	// Withheld and out of the way: the frame is no taller than the warning and its credit line.
	expect((await page.locator('.embed').boundingBox())!.height).toBeLessThan(600);
	await warning.getByRole('button').click();
	await expect(first).toBeVisible();
	await expect(page.locator('main section[id] h2').first()).toBeFocused();
	// Passed once, the gate stays open for the tab's session.
	await page.reload();
	await expect(first).toBeVisible();
});

test('a chapter embed carries a line of warning, which ?spoilers=ok leaves out; the whole story keeps its gate', async ({
	page
}) => {
	await page.goto('/embed/home');
	await expect(page.locator('[data-spoiler-line]')).toBeVisible();
	await expect(page.locator('section#home')).toBeVisible();
	await page.goto('/embed/home?spoilers=ok');
	await expect(page.locator('section#home')).toBeVisible();
	await expect(page.locator('[data-spoiler-line]')).toHaveCount(0);
	await page.goto('/embed?chapter=home&spoilers=ok');
	await expect(page.locator('[data-spoiler-line]')).toHaveCount(0);
	await expect(page.locator('[data-spoiler-warning]')).toHaveCount(0);
	await page.goto('/embed?spoilers=ok');
	await expect(page.locator('[data-spoiler-warning]')).toBeVisible();
});

test('without JavaScript the whole story embedded shows its warning above the story, nothing withheld', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/embed');
	await expect(page.locator('[data-spoiler-warning]')).toBeVisible();
	await expect(page.locator('[data-spoiler-warning] a')).toHaveAttribute('href', /^#/);
	await expect(page.locator('main section[id]').first()).toBeVisible();
	await context.close();
});
