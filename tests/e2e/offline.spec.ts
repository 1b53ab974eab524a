import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';

/** One visit: the service worker installs (storing every page and asset) and claims this page. */
async function controlled(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) =>
				navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
			);
	});
}

test.describe('offline after one visit', () => {
	test.use({ serviceWorkers: 'allow' });

	test("a student's room link, never opened, shows the join page's own offline screen, not the browser's error page", async ({
		page,
		context
	}) => {
		await page.goto('/');
		await controlled(page);
		await context.setOffline(true);
		try {
			await page.goto('/join/BCD234');
			await expect(page.locator('[data-student]')).toHaveAttribute('data-status', 'offline');
			await expect(page.locator('h1')).toHaveText('You are offline');
			await expect(page.locator('[data-offline]')).toContainText('back online');
		} finally {
			await context.setOffline(false);
		}
	});

	test('the service worker is built, takes control, and serves every page with the network off', async ({
		page,
		context
	}) => {
		const sw = await page.request.get('/service-worker.js');
		expect(sw.ok()).toBe(true);

		await page.goto('/');
		await controlled(page);
		const caches = await page.evaluate(async () => {
			const keys = await window.caches.keys();
			const cache = await window.caches.open(keys[0]!);
			const urls = (await cache.keys()).map((r) => new URL(r.url).pathname);
			return { keys, urls };
		});
		expect(caches.keys).toHaveLength(1);
		expect(caches.keys[0]).toMatch(/^strangers-/);
		for (const path of ['/', '/present', '/present/notes']) expect(caches.urls).toContain(path);
		expect(caches.urls.some((u) => u.endsWith('.woff2'))).toBe(true);

		await context.setOffline(true);
		try {
			await page.reload();
			await expect(page.locator('h1')).toBeVisible();
			expect(await page.locator('[data-step]').count()).toBeGreaterThan(5);

			// Never visited online, yet there: precached at install.
			await page.goto('/present#tower');
			await page.locator('[data-ready]').waitFor();
			await expect(page.locator('[data-counter]')).toHaveText(/^\d+ \/ \d+$/);
			await page.keyboard.press('ArrowRight');
			await expect(page.locator('[aria-current="step"]')).toBeVisible();
			await page.reload();
			await expect(page.locator('[data-counter]')).toHaveText(/^\d+ \/ \d+$/);

			await page.goto('/present/notes');
			await expect(page.locator('[data-notes]')).toBeVisible();

			// Client-side navigation back to the article, offline.
			await page.goto('/present');
			await page.locator('[data-ready]').waitFor();
			await page.getByRole('link', { name: 'Leave' }).click();
			await expect(page.locator('h1')).toBeVisible();
		} finally {
			await context.setOffline(false);
		}
	});

	test("offline, the finale's sky is still drawn by its worker, whose script was stored at install", async ({
		page,
		context
	}) => {
		// The first visit stops at the top: the finale, its chunk and its worker are never fetched.
		await passGate(page);
		await page.goto('/');
		await controlled(page);
		const workerFiles = await page.evaluate(async () => {
			const keys = await window.caches.keys();
			const cache = await window.caches.open(keys[0]!);
			return (await cache.keys())
				.map((r) => new URL(r.url).pathname)
				.filter((p) => p.includes('/workers/'));
		});
		expect(workerFiles.some((p) => /\/starfield\.worker-[\w-]+\.js$/.test(p))).toBe(true);

		await context.setOffline(true);
		try {
			await page.reload();
			await page.locator('#finale [data-step]').first().scrollIntoViewIfNeeded();
			await page.evaluate(() => {
				const steps = document.querySelectorAll('#finale [data-step]');
				steps[steps.length - 1]?.scrollIntoView({ block: 'center' });
			});
			// "(worker)", not "(main thread)": the page fell back on its own thread only if the worker
			// script could not be had.
			await expect(page.locator('#finale canvas[data-starfield]')).toHaveAttribute(
				'data-engine',
				/^three\.js r\d+ \(worker\)$/,
				{ timeout: 20_000 }
			);
			expect(page.workers().length).toBeGreaterThanOrEqual(1);
		} finally {
			await context.setOffline(false);
		}
	});
});
