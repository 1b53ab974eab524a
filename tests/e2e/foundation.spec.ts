import { expect, test } from '@playwright/test';
import { passGate } from '../support/gate';

test('every chapter is a section with an id and a heading, every step has data-step', async ({
	page
}) => {
	await page.goto('/');
	const sections = page.locator('main section[id]');
	expect(await sections.count()).toBeGreaterThan(1);
	for (const section of await sections.all()) {
		await expect(section.locator('h2')).toHaveCount(1);
		expect(await section.locator('[data-step]').count()).toBeGreaterThan(0);
	}
	await expect(page.locator('h1')).toHaveCount(1);
});

test('the active step follows the scroll and carries aria-current="step"', async ({ page }) => {
	// A reader who reads: the withheld story is hidden, and a hidden chapter far from the screen
	// has no boxes to scroll to (it is not drawn until it nears the screen).
	await passGate(page);
	await page.goto('/');
	await expect(page.locator('[aria-current="step"]')).toHaveCount(0);
	const steps = page.locator('[data-step]');
	const n = await steps.count();
	for (const i of [0, Math.floor(n / 2), n - 1]) {
		const step = steps.nth(i);
		const id = await step.getAttribute('data-step');
		await step.evaluate((el) => {
			const r = el.getBoundingClientRect();
			window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
		});
		await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', id!);
		await expect(page.locator('[aria-current="step"]')).toHaveCount(1);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('all the text is in the page', async ({ page }) => {
		await page.goto('/');
		const steps = page.locator('[data-step]');
		expect(await steps.count()).toBeGreaterThan(1);
		for (const step of await steps.all()) {
			await expect(step).toBeAttached();
			// textContent: a chapter far from the screen is not drawn yet, so its innerText is empty.
			expect((await step.textContent())?.trim().length).toBeGreaterThan(0);
		}
		await expect(page.locator('h1')).toBeVisible();
	});
});

test('a skip link reaches the story by keyboard', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.locator('.skip-link');
	await expect(skip).toBeFocused();
	await expect(skip).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#story$/);
});

test('no console errors on load and a full scroll', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
			window.scrollTo(0, y);
			await new Promise((r) => requestAnimationFrame(r));
		}
	});
	expect(errors).toEqual([]);
});
