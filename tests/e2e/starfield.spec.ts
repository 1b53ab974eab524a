import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';
import { goLive } from '../support/page';
import { pixelShare } from '../support/pixels';

/**
 * The finale's starfield in a real (software-WebGL) Chromium. Needs the finale scene registered
 * (`finale: FinaleScene` in $lib/scenes/index.ts) so /#finale holds <Starfield>.
 */

const THREE_MARK = 'three.js r';

async function scrollToFinale(page: Page) {
	await page.locator('#finale').evaluate((el) => el.scrollIntoView({ block: 'start' }));
	await page
		.locator('#finale [data-step]')
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
		});
}

/** Fraction of pixels in a PNG that are clearly brighter than the night background. */
const litFraction = (page: Page, png: Buffer) => pixelShare(page, png, 181);

/**
 * Software GL (SwiftShader) reports the compositor's own read-back of the canvas as a driver
 * "Performance" message; it comes from Chromium, not from the page, and never appears on a GPU.
 */
const DRIVER_NOISE = /GL Driver Message \(OpenGL, Performance,.*GPU stall due to ReadPixels/;

function collectProblems(page: Page) {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() !== 'error' && m.type() !== 'warning') return;
		if (DRIVER_NOISE.test(m.text())) return;
		problems.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	return problems;
}

test('three.js is not requested until the finale is near, then the canvas draws stars', async ({
	page
}) => {
	const problems = collectProblems(page);
	const scripts: { url: string; three: boolean }[] = [];
	page.on('response', async (r) => {
		if (!r.url().endsWith('.js')) return;
		const body = await r.text().catch(() => '');
		scripts.push({ url: r.url(), three: body.includes(THREE_MARK) });
	});
	await passGate(page);
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	expect(scripts.length).toBeGreaterThan(0);
	expect(scripts.filter((s) => s.three)).toEqual([]);
	await expect(page.locator('[data-starfield][data-engine]')).toHaveCount(0);

	await scrollToFinale(page);
	const canvas = page.locator('#finale canvas[data-starfield]');
	await expect(canvas).toHaveAttribute('data-engine', /three\.js/, { timeout: 15_000 });
	await expect.poll(() => scripts.some((s) => s.three)).toBe(true);

	// the settled sky (the finale step scrolled well in) must show stars, not a black rectangle
	await page.waitForTimeout(1500);
	const lit = await litFraction(page, await canvas.screenshot());
	expect(lit).toBeGreaterThan(0.0003);
	expect(problems).toEqual([]);
});

test('the sky canvas shows only once it holds a sky: never a black block', async ({ page }) => {
	await passGate(page);
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	await page.locator('main.enhanced').waitFor({ state: 'attached' });
	// A jump straight to the finale: the sky is made while the reader is already looking at it.
	await scrollToFinale(page);
	const canvas = page.locator('#finale canvas[data-starfield][data-engine]');
	await canvas.waitFor({ state: 'attached', timeout: 15_000 });
	// The night the sky is cleared to is about rgb(11 16 32); a canvas not yet drawn is black.
	const dark = await pixelShare(page, await canvas.screenshot(), 0, 11);
	expect(dark, 'share of pure black pixels when the canvas first shows').toBeLessThan(0.05);
});

test('without WebGL the 2D fallback draws the sky, with no console error', async ({ page }) => {
	await page.addInitScript(() => {
		// nor may the canvas go to a worker, where this init script does not reach
		delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
		const original = HTMLCanvasElement.prototype.getContext;
		// as a browser with WebGL switched off answers: no context, no exception
		HTMLCanvasElement.prototype.getContext = function (
			this: HTMLCanvasElement,
			type: string,
			options?: CanvasRenderingContext2DSettings
		) {
			if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
			return original.call(this, type as '2d', options);
		} as typeof original;
	});
	const problems = collectProblems(page);
	await passGate(page);
	await page.goto('/');
	await scrollToFinale(page);
	const fallback = page.locator('#finale [data-starfield-fallback]');
	await expect(fallback).toBeVisible({ timeout: 15_000 });
	await expect(page.locator('#finale canvas[data-starfield]')).toHaveCount(0);
	await page.waitForTimeout(500);
	const lit = await litFraction(page, await fallback.screenshot());
	expect(lit).toBeGreaterThan(0.0003);
	expect(problems).toEqual([]);
});

test('chapter stars are real links with the chapter title as their name', async ({ page }) => {
	await passGate(page);
	await page.goto('/');
	await goLive(page, 'finale');
	const links = page.locator('#finale nav a[href^="#"]');
	expect(await links.count()).toBeGreaterThan(10);
	for (const link of await links.all()) {
		const href = (await link.getAttribute('href'))!;
		await expect(page.locator(href)).toHaveCount(1);
		expect((await link.textContent())!.trim().length).toBeGreaterThan(0);
	}
});

test('Tab reaches a chapter star, which names itself, and Enter lands on that chapter', async ({
	page
}) => {
	await passGate(page);
	await page.goto('/');
	await scrollToFinale(page);
	await expect(page.locator('#finale canvas[data-starfield]')).toHaveAttribute(
		'data-engine',
		/three/,
		{ timeout: 15_000 }
	);
	// start from the finale itself, as a keyboard reader arriving there would
	await page.locator('#finale').evaluate((el) => {
		el.setAttribute('tabindex', '-1');
		(el as HTMLElement).focus();
	});
	let star = false;
	for (let i = 0; i < 40 && !star; i++) {
		await page.keyboard.press('Tab');
		star = await page.evaluate(() => !!document.activeElement?.matches('#finale nav a'));
	}
	expect(star, 'a chapter star within 40 Tab presses of the finale').toBe(true);
	const focused = page.locator('#finale nav a:focus');
	const href = (await focused.getAttribute('href'))!;
	const id = href.slice(1);
	// named by its chapter's title (read from content, as the heading is)
	const name = (await focused.getAttribute('aria-label'))!.trim();
	expect(name.length).toBeGreaterThan(0);
	await expect(page.locator(`section#${id} h2`).first()).toContainText(name);
	// named on focus: its label is shown beside the star
	await expect(focused.locator('.label')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`#${id}$`));
	await expect(page.locator(`section#${id} h2`).first()).toBeInViewport({ timeout: 10_000 });
});

test('20 mounts leave no "Too many active WebGL contexts" warning', async ({ page }) => {
	test.setTimeout(180_000);
	const problems = collectProblems(page);
	for (let i = 0; i < 20; i++) {
		await page.goto(`/?mount=${i}#finale`);
		await scrollToFinale(page);
		await expect(page.locator('#finale canvas[data-starfield]')).toHaveAttribute(
			'data-engine',
			/three/,
			{ timeout: 15_000 }
		);
	}
	expect(problems.filter((p) => /WebGL/i.test(p))).toEqual([]);
	expect(problems).toEqual([]);
});
