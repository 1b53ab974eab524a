/**
 * Reading on a phone: no fixed control ever sits over the story's words, through a full scroll;
 * and on a laptop the chapter menu leaves the share button clear.
 */
import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';

/** Boxes of fixed controls that overlap a line of step text in the reading area, at this scroll. */
function overlaps(page: Page) {
	return page.evaluate(() => {
		type Box = { left: number; top: number; right: number; bottom: number };
		const hit = (a: Box, b: Box) =>
			a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
		const bar = document.querySelector('nav.bar')?.getBoundingClientRect();
		// Words that have scrolled under the top bar are out of the reading area, not covered.
		const readingTop = bar ? bar.bottom : 0;
		// Fixed controls are found once per page and re-checked at each position (a full style scan
		// of the long page at every position would take minutes).
		const w = window as Window & { __fixed?: HTMLElement[] };
		w.__fixed ??= [...document.querySelectorAll<HTMLElement>('body *')].filter(
			(el) => getComputedStyle(el).position === 'fixed' || el.matches('nav.bar *')
		);
		const fixed = w.__fixed.filter((el) => {
			const s = getComputedStyle(el);
			const r = el.getBoundingClientRect();
			return (
				s.position === 'fixed' && s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0
			);
		});
		const lines: Box[] = [];
		for (const card of document.querySelectorAll('[data-step] .card')) {
			const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (!n.textContent?.trim()) continue;
				const range = document.createRange();
				range.selectNodeContents(n);
				for (const r of range.getClientRects()) {
					if (r.top >= readingTop && r.top < innerHeight && r.width > 0) lines.push(r);
				}
			}
		}
		const found: string[] = [];
		for (const el of fixed) {
			const box = el.getBoundingClientRect();
			if (lines.some((l) => hit(box, l)))
				found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} at y=${scrollY}`);
		}
		return found;
	});
}

test('at 390×844 no fixed control covers the text of a step, through a full scroll', async ({
	page
}) => {
	test.setTimeout(180_000);
	await passGate(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Share or embed' })).toBeVisible({
		timeout: 20_000
	});
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	const found = new Set<string>();
	let positions = 0;
	for (let y = 0; y < height; y += 400) {
		await page.evaluate((y) => window.scrollTo(0, y), y);
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
		for (const f of await overlaps(page)) found.add(f);
		positions++;
	}
	expect(positions).toBeGreaterThan(40);
	expect([...found]).toEqual([]);
});

test('on a laptop the open chapter menu leaves the share button clear', async ({ page }) => {
	await passGate(page);
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/#tower');
	const share = page.getByRole('button', { name: 'Share or embed' });
	await expect(share).toBeVisible({ timeout: 20_000 });
	await page.locator('nav.bar button[aria-controls="chapter-menu"]').click();
	const menu = page.locator('#chapter-menu');
	await expect(menu).toBeVisible();
	const a = (await share.boundingBox())!;
	const b = (await menu.boundingBox())!;
	const overlap =
		a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
	expect(overlap, `share ${JSON.stringify(a)} menu ${JSON.stringify(b)}`).toBe(false);
	// And the button still takes the click with the menu open.
	await share.click();
	await expect(page.getByRole('dialog', { name: 'Share or embed' })).toBeVisible();
});
