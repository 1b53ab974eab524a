import { expect, test, type Page } from '@playwright/test';

/**
 * Projector legibility: every control and label of the classroom pages, at rest (no hover, no
 * focus, the pointer gone still), reaches 4.5:1 against what is behind it. The contrast is
 * computed from computed styles: the text colour, faded by its own and its ancestors' opacity,
 * over the nearest painted background.
 */
async function lowContrast(page: Page, root: string) {
	return page.locator(root).evaluate((rootEl) => {
		type Rgba = [number, number, number, number];
		const parse = (c: string): Rgba => {
			const n = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
			return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n.length > 3 ? n[3]! : 1];
		};
		const over = (top: Rgba, under: Rgba): Rgba => {
			const a = top[3];
			return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
		};
		const luminance = ([r, g, b]: Rgba) => {
			const lin = (v: number) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
		};
		const background = (el: Element | null): Rgba => {
			const layers: Rgba[] = [];
			for (let e = el; e; e = e.parentElement) {
				const bg = parse(getComputedStyle(e).backgroundColor);
				if (bg[3] > 0) layers.push(bg);
				if (bg[3] >= 1) break;
			}
			return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
		};
		const opacity = (el: Element | null) => {
			let o = 1;
			for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
			return o;
		};
		const texts = [...rootEl.querySelectorAll<HTMLElement>('*')].filter((el) => {
			if (el.closest('dialog, .scene, .visually-hidden, svg')) return false;
			const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
			const box = el.getBoundingClientRect();
			return own && box.width > 0 && box.height > 0;
		});
		return texts
			.map((el) => {
				const fg = parse(getComputedStyle(el).color);
				const bg = background(el);
				const seen = over([fg[0], fg[1], fg[2], fg[3] * opacity(el)], bg);
				const [hi, lo] = [luminance(seen), luminance(bg)].sort((a, b) => b - a);
				const ratio = (hi! + 0.05) / (lo! + 0.05);
				return { text: el.textContent!.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 };
			})
			.filter((r) => r.ratio < 4.5);
	});
}

test.use({ viewport: { width: 1366, height: 768 } });

for (const [url, root, control] of [
	['/present', '[data-present]', 'a.exit'],
	['/present/notes', '[data-notes-view]', '[data-blackout-toggle]']
] as const) {
	test(`${url}: every control and label reads at 4.5:1 at rest`, async ({ page }) => {
		await page.goto(url);
		await page.locator('[data-ready]').waitFor();
		// Read it twice: as loaded, and once the pointer has gone still and the deck is idle.
		await page.mouse.move(5, 5);
		expect(await lowContrast(page, root)).toEqual([]);
		await page.waitForTimeout(2800);
		expect(await lowContrast(page, root)).toEqual([]);
		// The toolbar has something to read: the check is not passing on an empty page.
		await expect(page.locator(control)).toBeVisible();
	});
}
