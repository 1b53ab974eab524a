import { expect, test } from '@playwright/test';

test.describe('offline after one visit', () => {
	test.use({ serviceWorkers: 'allow' });

	test('the service worker is built, takes control, and serves every page with the network off', async ({
		page,
		context
	}) => {
		const sw = await page.request.get('/service-worker.js');
		expect(sw.ok()).toBe(true);

		await page.goto('/');
		// One visit: the worker installs (storing every page and asset) and claims this page.
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((r) =>
					navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })
				);
		});
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
});
