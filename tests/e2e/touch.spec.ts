/**
 * The reading page under a thumb, at 390×844 with touch at 2×: every control is a target of at
 * least 24×24 CSS px (WCAG 2.2 target size) and, where the reader can see it, a tap at its centre
 * lands on it; the lens chooser can be used through the lenses chapter, every reading in view.
 */
import { expect, test, type Page } from '@playwright/test';
import { passGate } from '../support/gate';
import { goLive, started } from '../support/page';

test.use({
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true
});

/**
 * Every control in the page at this scroll: its size (the largest of its boxes, for a link that
 * wraps), and, when that box is wholly in the reading area, what `elementFromPoint` finds at its
 * centre. The reading area is the viewport below the top bar and below a docked control band (the
 * words that scroll under either are out of sight, as under any fixed bar).
 */
function measure(page: Page) {
	return page.evaluate(() => {
		const CONTROLS =
			'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const found: { control: string; size?: string; hit?: string }[] = [];
		let top = 0;
		for (const bar of document.querySelectorAll('nav.bar, [data-scrolly-controls]')) {
			const r = bar.getBoundingClientRect();
			if (r.height > 0 && r.top <= top + 1 && r.bottom > top) top = r.bottom;
		}
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
		for (const el of document.querySelectorAll<HTMLElement>(CONTROLS)) {
			if (el.closest('[inert], [hidden], noscript')) continue;
			const style = getComputedStyle(el);
			if (style.visibility !== 'visible') continue;
			// A radio button drawn as its label: the label is the target.
			const target = el.matches('input') && el.closest('label') ? el.closest('label')! : el;
			const boxes = [...target.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
			if (!boxes.length) continue;
			// Visually hidden (a skip link off screen, a clipped legend): not a target to touch.
			if (boxes.every((r) => r.width <= 1 && r.height <= 1)) continue;
			const box = boxes.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
			const entry: { control: string; size?: string; hit?: string } = { control: name(el) };
			if (box.width < 23.99 || box.height < 23.99)
				entry.size = `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
			const inView =
				box.top >= top &&
				box.bottom <= innerHeight &&
				box.left >= 0 &&
				box.right <= innerWidth &&
				Number(style.opacity) > 0;
			if (inView) {
				const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				if (!at || !target.contains(at))
					entry.hit = at ? `${at.tagName.toLowerCase()}.${at.className}` : 'nothing';
			}
			if (entry.size || entry.hit) found.push(entry);
		}
		return found;
	});
}

test('every control at 390×844 is at least 24×24 and takes a tap at its centre, through a full scroll', async ({
	page
}) => {
	test.setTimeout(240_000);
	await passGate(page);
	await page.goto('/');
	await started(page);
	await expect(page.getByRole('button', { name: 'Share or embed' })).toBeVisible();
	const problems = new Map<string, string>();
	let controls = 0;
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	for (let y = 0; y < height; y += 350) {
		await page.evaluate((y) => window.scrollTo(0, y), y);
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
		controls = Math.max(
			controls,
			await page.evaluate(() => document.querySelectorAll('a[href], button, input').length)
		);
		for (const f of await measure(page)) {
			if (f.size) problems.set(`${f.control} size`, f.size);
			if (f.hit) problems.set(`${f.control} at y=${y}`, `covered by ${f.hit}`);
		}
	}
	expect(controls).toBeGreaterThan(100);
	expect(Object.fromEntries(problems)).toEqual({});
});

test('the lens chooser stays in view and uncovered through the lenses chapter on a phone', async ({
	page
}) => {
	test.setTimeout(120_000);
	await passGate(page);
	await page.goto('/');
	await started(page);
	await goLive(page, 'reading-lenses');
	const options = page.locator('#reading-lenses label.option');
	await expect(options).toHaveCount(8);
	// From where the graphic reaches the top of the screen to where the last step leaves it.
	const { from, to } = await page.locator('#reading-lenses [data-scrolly]').evaluate((el) => {
		const r = el.getBoundingClientRect();
		return { from: r.top + scrollY, to: r.bottom + scrollY - innerHeight };
	});
	const missing: string[] = [];
	for (let y = from; y <= to; y += 120) {
		await page.evaluate((y) => window.scrollTo(0, y), y);
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
		const bad = await options.evaluateAll((labels) =>
			labels.flatMap((label) => {
				const r = label.getBoundingClientRect();
				const inView =
					r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
				const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				if (inView && at && label.contains(at)) return [];
				return [
					`${label.textContent?.trim()}: ${inView ? `under ${at?.className}` : 'out of view'}`
				];
			})
		);
		missing.push(...bad.map((b) => `y=${Math.round(y - from)}: ${b}`));
	}
	expect(missing).toEqual([]);
});

test('a tap on each of the eight readings changes the lenses graphic, mid-chapter on a phone', async ({
	page
}) => {
	await passGate(page);
	await page.goto('/');
	await started(page);
	await goLive(page, 'reading-lenses');
	const graphic = page.locator('#reading-lenses [data-lenses]');
	// What the graphic says: the reading's gist and each beat's verdict and reason.
	const shown = () =>
		graphic
			.locator('.gist, .timeline')
			.allTextContents()
			.then((t) => t.join('|'));
	// The second step, where a card crosses the middle of the screen.
	await page.locator('[data-step="lenses-fixed"]').evaluate((el) => {
		const r = el.getBoundingClientRect();
		window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
	});
	const options = page.locator('#reading-lenses label.option');
	const names = (await options.allTextContents()).map((n) => n.trim());
	expect(names).toHaveLength(8);
	// Start from the last, so that the first tap changes the reading too.
	await options.nth(7).tap();
	await expect(graphic.locator('.timeline')).toHaveAttribute('aria-label', names[7]!);
	for (const [i, name] of names.entries()) {
		const before = await shown();
		await options.nth(i).tap();
		await expect(options.nth(i).locator('input')).toBeChecked();
		await expect(graphic.locator('.timeline')).toHaveAttribute('aria-label', name);
		expect(await shown(), `the graphic after a tap on “${name}”`).not.toBe(before);
	}
});

test('a reader who scrolls before passing the gate finds its notice whole, its words inside its box', async ({
	page
}) => {
	await page.goto('/');
	await started(page);
	await page.mouse.wheel(0, 1500);
	const note = page.locator('.withheld-note p');
	await expect(note).toBeInViewport();
	await expect(note.getByRole('button')).toBeInViewport();
	const spill = await note.evaluate((p) => {
		const box = p.getBoundingClientRect();
		return [...p.children].flatMap((child) => {
			const r = child.getBoundingClientRect();
			return r.top < box.top || r.bottom > box.bottom ? [child.textContent?.trim()] : [];
		});
	});
	expect(spill).toEqual([]);
	expect(await note.evaluate((p) => p.scrollHeight - p.clientHeight)).toBeLessThanOrEqual(1);
});

test('a landing moves focus without a ring on a touch visit, and with one at the keyboard', async ({
	page
}) => {
	const ringed = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return {
				focus: `${el?.tagName.toLowerCase()}#${el?.id}`,
				ring: !!el?.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none'
			};
		});
	await page.goto('/#sixth-floor');
	await started(page);
	await expect.poll(() => ringed()).toEqual({ focus: 'h2#sixth-floor-title', ring: false });
	// A pick from the chapter menu, by touch: focus on the heading, no ring on it or the button.
	await page.locator('nav.bar button[aria-controls="chapter-menu"]').tap();
	await page.locator('#chapter-menu a[href="#harry"]').tap();
	await expect.poll(() => ringed()).toEqual({ focus: 'h2#harry-title', ring: false });
	expect(
		await page
			.locator('nav.bar button[aria-controls="chapter-menu"]')
			.evaluate((b) => b.matches(':focus-visible'))
	).toBe(false);
	// The same pick from the keyboard shows where focus went.
	await page.locator('nav.bar button[aria-controls="chapter-menu"]').focus();
	await page.keyboard.press('Enter');
	await page.locator('#chapter-menu a[href="#goodbye"]').focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => ringed()).toEqual({ focus: 'h2#goodbye-title', ring: true });
});
