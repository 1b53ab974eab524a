import { expect, test } from '@playwright/test';
import { passGate } from '../support/gate';
import { collectErrors, started } from '../support/page';

test.describe('citation marks open their source note in place', () => {
	test.beforeEach(async ({ page }) => passGate(page));

	test('by keyboard: open, read, Escape, and focus is back on the mark', async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto('/#home');
		await started(page);
		const step = page.locator('section#home [data-step]').first();
		const mark = step.locator('sup.cite button.cite-mark').first();
		await expect(mark).toHaveAttribute('aria-expanded', 'false');
		await expect(mark).toHaveAccessibleName(/^Source \d: /);
		const y = await page.evaluate(() => window.scrollY);

		await mark.focus();
		await page.keyboard.press('Enter');
		const note = page.getByRole('dialog');
		await expect(note).toBeVisible();
		await expect(note).toBeFocused();
		await expect(mark).toHaveAttribute('aria-expanded', 'true');
		const source = (await mark.getAttribute('data-source'))!;
		// The note names its article and says what is known of it, and the reader has not moved.
		const headline = await page.locator(`#source-${source}-headline`).innerText();
		await expect(note).toContainText(headline.replace(/^Source \d+:\s*/, ''));
		await expect(note.getByRole('link', { name: 'All sources' })).toHaveAttribute(
			'href',
			`#source-${source}`
		);
		expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(2);
		const box = (await note.boundingBox())!;
		const viewport = page.viewportSize()!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);

		await page.keyboard.press('Escape');
		await expect(note).toBeHidden();
		await expect(mark).toBeFocused();
		await expect(mark).toHaveAttribute('aria-expanded', 'false');

		// Space opens it too; tabbing past its last control closes it and returns to the mark.
		await page.keyboard.press('Space');
		await expect(note).toBeFocused();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(note).toBeHidden();
		await expect(mark).toBeFocused();
		expect(errors).toEqual([]);
	});

	test('in a folded list, brought into the page when opened, the marks open their note too', async ({
		page
	}) => {
		const errors = collectErrors(page);
		await page.goto('/#clues');
		await started(page);
		const toggle = page.locator('section#clues [data-fold-toggle]').first();
		await toggle.scrollIntoViewIfNeeded();
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		// Its markup waited in a <noscript>, marks as links; opened, each is a button again.
		const list = page.locator('#clues-in-full');
		await expect(list.locator('sup.cite > a')).toHaveCount(0);
		const mark = list.locator('sup.cite > button.cite-mark').first();
		await mark.scrollIntoViewIfNeeded();
		await mark.click();
		await expect(page.getByRole('dialog')).toBeVisible();
		await expect(mark).toHaveAttribute('aria-expanded', 'true');
		expect(errors).toEqual([]);
	});

	test('a click elsewhere closes it; All sources leads to the list, which leads back', async ({
		page
	}) => {
		await page.goto('/#home');
		await started(page);
		const step = page.locator('section#home [data-step]').first();
		const stepId = await step.getAttribute('data-step');
		const mark = step.locator('button.cite-mark').first();
		await mark.click();
		const note = page.getByRole('dialog');
		await expect(note).toBeVisible();
		await page.mouse.click(5, page.viewportSize()!.height - 5);
		await expect(note).toBeHidden();

		await mark.click();
		await note.getByRole('link', { name: 'All sources' }).click();
		const source = await mark.getAttribute('data-source');
		await expect(page.locator(`#source-${source}`)).toBeFocused();
		await expect(note).toBeHidden();
		await page
			.locator(`#source-${source}`)
			.getByRole('link', { name: /back to where you were/i })
			.click();
		await expect(page.locator(`[data-step="${stepId}"]`)).toBeInViewport();
	});

	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1440, height: 900 }
	]) {
		test(`at ${viewport.width}x${viewport.height} the note leaves the cited sentence in view`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await page.goto('/#home');
			await started(page);
			const mark = page.locator('section#home [data-step] button.cite-mark').first();
			const bar = (await page.locator('nav.bar').first().boundingBox())!;
			// High on the screen and low on it: the low one is where a note used to cover the line.
			for (const at of [0.3, 0.85]) {
				await mark.evaluate((el, at) => {
					const r = el.getBoundingClientRect();
					window.scrollBy(0, r.top - window.innerHeight * at);
				}, at);
				await mark.click();
				const note = page.getByRole('dialog');
				await expect(note).toBeVisible();
				// The cited sentence: from the end of the one before it (or the paragraph's start) to the mark.
				const lines = await mark.evaluate((el) => {
					const sup = el.closest('sup')!;
					const walker = document.createTreeWalker(sup.closest('p')!, NodeFilter.SHOW_TEXT);
					const range = document.createRange();
					range.setStart(sup.closest('p')!, 0);
					for (let n = walker.nextNode(); n && !sup.contains(n); n = walker.nextNode()) {
						if (!(n.compareDocumentPosition(sup) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
						for (const m of n.textContent!.matchAll(/[.!?]\s+/g))
							range.setStart(n, m.index + m[0].length);
					}
					range.setEndBefore(sup);
					return [...range.getClientRects()]
						.filter((r) => r.width > 0)
						.map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
				});
				expect(lines.length).toBeGreaterThan(0);
				const box = (await note.boundingBox())!;
				expect(box.x).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
				expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
				expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
				// The cited sentence is on screen and the note lies over none of it.
				for (const line of lines) {
					expect(line.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
					expect(line.y + line.height).toBeLessThanOrEqual(viewport.height);
					const overlaps =
						box.x < line.x + line.width &&
						line.x < box.x + box.width &&
						box.y < line.y + line.height &&
						line.y < box.y + box.height;
					expect(overlaps, `note over "${at}" line at y=${line.y}`).toBe(false);
				}
				await page.keyboard.press('Escape');
				await expect(note).toBeHidden();
			}
		});
	}

	test('a mark never starts a line of its own', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/#tower');
		const stranded = await page.locator('[data-step] sup.cite').evaluateAll(
			(sups) =>
				sups.filter((sup) => {
					const prev = sup.previousSibling;
					if (!prev || prev.nodeType !== Node.TEXT_NODE || !prev.textContent?.trim()) return false;
					const range = document.createRange();
					range.setStart(prev, Math.max(0, prev.textContent.length - 2));
					range.setEnd(prev, prev.textContent.length);
					const word = range.getClientRects();
					const mark = sup.getBoundingClientRect();
					const last = word[word.length - 1];
					return !!last && mark.top > last.bottom - 2;
				}).length
		);
		expect(stranded).toBe(0);
	});
});

test.describe('a “Sources differ” note leads to its point in the folded list', () => {
	test.beforeEach(async ({ page }) => passGate(page));

	test('a click opens the list and lands on the point, clear of the top bar', async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto('/');
		const link = page.locator('[data-step] a[href^="#disagreement-"]').first();
		const href = (await link.getAttribute('href'))!;
		// Folded on screen, its markup is not even in the page until it is wanted.
		await expect(page.locator(href)).toHaveCount(0);
		await link.scrollIntoViewIfNeeded();
		await link.click();
		const point = page.locator(href);
		await expect(point).toBeVisible();
		await expect(page.locator(`[data-folded] ${href}`)).toHaveCount(0);
		await expect
			.poll(async () => {
				const top = await point.evaluate((el) => el.getBoundingClientRect().top);
				const bar = await page
					.locator('nav.bar')
					.first()
					.evaluate((el) => el.getBoundingClientRect().bottom);
				return top >= bar - 1 && top < 300;
			})
			.toBe(true);
		await expect(
			page.locator(`[data-fold-toggle][aria-expanded="true"]`),
			'the fold that holds it says it is open'
		).toHaveCount(1);
		expect(errors).toEqual([]);
	});

	test('as a deep link it lands there too', async ({ page }) => {
		await page.goto('/');
		const href = (await page
			.locator('[data-step] a[href^="#disagreement-"]')
			.first()
			.getAttribute('href'))!;
		await page.goto(`/${href}`);
		await started(page);
		await expect(page.locator(href)).toBeInViewport();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a citation mark is a link to its note in the Sources chapter', async ({ page }) => {
		await page.goto('/');
		const mark = page.locator('[data-step] sup.cite a').first();
		const href = (await mark.getAttribute('href'))!;
		expect(href).toMatch(/^#source-/);
		await expect(page.locator(href)).toHaveCount(1);
		// The button each mark is with JavaScript is hidden; its link stands in.
		await expect(page.locator('button.cite-mark').first()).toBeAttached();
		await expect(page.locator('button.cite-mark:visible')).toHaveCount(0);
	});
});
