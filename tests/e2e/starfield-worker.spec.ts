import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';
import { frames, trackWebGL } from '../support/page';

/**
 * The starfield's two WebGL paths (DESIGN §6): a Worker drawing on an OffscreenCanvas, and the
 * main thread where a browser cannot hand a canvas to a worker. Both must draw stars, and both
 * must release everything (worker, context) every time the finale unmounts.
 */

interface Hook {
	workers: number;
	contextsReleased: number;
	contextsLeft: number;
	stats(): { stars: number; starsNow: number; drawCalls: number; via: string } | null;
}
const hook = (page: Page) =>
	page.evaluate(() => {
		const h = (window as unknown as { __strangers?: { starfield?: Hook } }).__strangers?.starfield;
		return h
			? {
					workers: h.workers,
					contextsReleased: h.contextsReleased,
					contextsLeft: h.contextsLeft,
					stats: h.stats()
				}
			: null;
	});

/** A browser whose canvases cannot be transferred (no OffscreenCanvas WebGL in workers). */
function withoutOffscreen() {
	delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
}

/** The finale sits before the back matter (disagreements, sources): stop on its last step. */
async function toFinale(page: Page) {
	await page.locator('#finale [data-step]').first().scrollIntoViewIfNeeded();
	await page.evaluate(() => {
		const steps = document.querySelectorAll('#finale [data-step]');
		steps[steps.length - 1]?.scrollIntoView({ block: 'center' });
	});
}

/** Client-side, as a reader following a link, so the window (and any leak) survives. */
async function follow(page: Page, href: string) {
	await page.evaluate((h) => {
		const a = document.createElement('a');
		a.href = h;
		a.id = '__trip';
		a.textContent = 'go';
		a.style.cssText = 'position:fixed;left:0;bottom:0;z-index:2147483647;background:#fff';
		document.body.append(a);
	}, href);
	await page.locator('#__trip').click();
	await page.evaluate(() => document.getElementById('__trip')?.remove());
	await expect(page).toHaveURL(href === '/' ? /\/(#.*)?$/ : /\/present/);
	await frames(page, 2);
}

const SKY = '#finale canvas[data-starfield]';

test('the finale sky is drawn by a worker, one draw call, and reports its stars', async ({
	page
}) => {
	await passGate(page);
	await page.goto('/');
	await toFinale(page);
	await expect(page.locator(SKY)).toHaveAttribute('data-engine', /^three\.js r\d+ \(worker\)$/, {
		timeout: 20_000
	});
	expect(page.workers().length).toBeGreaterThanOrEqual(1);
	await expect.poll(async () => (await hook(page))?.stats?.drawCalls, { timeout: 10_000 }).toBe(1);
	const h = (await hook(page))!;
	expect(h.stats!.via).toBe('worker');
	expect(h.stats!.stars).toBeGreaterThanOrEqual(50_000);
});

test('without OffscreenCanvas WebGL the sky draws on the main thread', async ({ page }) => {
	await page.addInitScript(withoutOffscreen);
	await passGate(page);
	await page.goto('/');
	await toFinale(page);
	// three.js marks a canvas it draws on itself; no "(worker)" here
	await expect(page.locator(SKY)).toHaveAttribute('data-engine', /^three\.js r\d+$/, {
		timeout: 20_000
	});
	await expect(page.locator('#finale [data-starfield-fallback]')).toHaveCount(0);
	expect(page.workers()).toHaveLength(0);
	const h = (await hook(page))!;
	expect(h.workers).toBe(0);
	expect(h.stats!.via).toBe('main thread');
	expect(h.stats!.stars).toBeGreaterThanOrEqual(50_000);
});

test('five mounts of the worker sky end five workers and lose five contexts', async ({ page }) => {
	test.setTimeout(180_000);
	await passGate(page);
	await page.goto('/');
	for (let i = 1; i <= 5; i++) {
		await toFinale(page);
		await expect(page.locator(SKY)).toHaveAttribute('data-engine', /\(worker\)/, {
			timeout: 20_000
		});
		await follow(page, '/present');
		await expect.poll(async () => (await hook(page))?.workers, { timeout: 5000 }).toBe(0);
		await expect.poll(() => page.workers().length, { timeout: 5000 }).toBe(0);
		const h = (await hook(page))!;
		expect(h.contextsLeft, 'every worker lost its context before it ended').toBe(0);
		expect(h.contextsReleased).toBe(i);
		await follow(page, '/');
	}
});

test('five mounts of the main-thread sky leave no live WebGL context', async ({ page }) => {
	test.setTimeout(180_000);
	await page.addInitScript(withoutOffscreen);
	await page.addInitScript(trackWebGL);
	await passGate(page);
	await page.goto('/');
	const live = () =>
		page.evaluate(() => (window as unknown as { __webgl: { live(): number } }).__webgl.live());
	const created = () =>
		page.evaluate(() =>
			(window as unknown as { __webgl: { created(): number } }).__webgl.created()
		);
	for (let i = 1; i <= 5; i++) {
		await toFinale(page);
		await expect(page.locator(SKY)).toHaveAttribute('data-engine', /^three\.js r\d+$/, {
			timeout: 20_000
		});
		expect(await live()).toBe(1);
		await follow(page, '/present');
		await expect.poll(live).toBe(0);
		expect(await created()).toBe(i);
		await follow(page, '/');
	}
	expect(page.workers()).toHaveLength(0);
});
