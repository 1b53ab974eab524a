/** On a static host (here `vite preview`) there is no poll server: no poll controls, no errors. */
import { expect, test } from '@playwright/test';
import { collectErrors } from '../support/page';

test('the presenter shows no poll controls and logs no error without the server', async ({
	page
}) => {
	const errors = collectErrors(page);
	const probe = page.waitForResponse((r) => r.url().endsWith('/api/health'));
	await page.goto('/present#parents-outside');
	await expect(page.locator('[data-present][data-ready]')).toBeVisible();
	expect((await probe).status()).toBe(200);
	await page.keyboard.press('p');
	await page.keyboard.press('j');
	await page.keyboard.press('t');
	await expect(page.locator('[data-poll-panel]')).toHaveCount(0);
	await expect(page.locator('[data-join-screen]')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('a student link says plainly that this copy has no live poll', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/join');
	await expect(page.locator('[data-student][data-status="no-server"]')).toContainText(
		'no live poll'
	);
	// A room's address on a static host: no slide, no pager, no error.
	await page.goto('/join/room');
	await expect(page.locator('[data-student][data-status="no-server"]')).toBeVisible();
	await expect(page.locator('[data-class-slide]')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the class summary says plainly that this copy has no live poll', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/present/summary');
	await expect(page.locator('[data-summary][data-status="no-server"]')).toContainText(
		'no live poll'
	);
	expect(errors).toEqual([]);
});
