import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** Every chapter's id, as its file in content/chapters names it. */
const CHAPTERS = readdirSync('content/chapters')
	.filter((f) => f.endsWith('.yaml'))
	.sort()
	.map((f) => /^id:\s*(\S+)/m.exec(readFileSync(`content/chapters/${f}`, 'utf8'))![1]!);

interface Cut {
	step: string | null;
	what: string;
	detail: string;
}

/**
 * Every way a flat still can hide part of itself, measured in the page:
 * - an element that clips its overflow (hidden, clip, auto, scroll) holds more than its box
 *   (scrollWidth/scrollHeight over clientWidth/clientHeight);
 * - a descendant's box, or a line of text, reaches outside a clipping ancestor inside the still.
 * SVG shapes may run past their drawing's edge by design (a sky wider than the frame); SVG
 * text may not.
 */
function cuts(page: Page): Promise<Cut[]> {
	return page.evaluate(() => {
		const SLACK = 1.5;
		const out: { step: string | null; what: string; detail: string }[] = [];
		const name = (el: Element) =>
			el.tagName.toLowerCase() +
			(el.id ? `#${el.id}` : '') +
			(typeof el.className === 'string' && el.className
				? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`
				: '');
		const clips = (el: Element) => {
			const s = getComputedStyle(el);
			return s.overflowX !== 'visible' || s.overflowY !== 'visible';
		};
		const shown = (r: DOMRect) => r.width > 0.5 && r.height > 0.5;
		// Words for screen readers only sit in a one-pixel clipped box on purpose.
		const spoken = (el: Element) => {
			for (let a: Element | null = el; a; a = a.parentElement)
				if (a.clientWidth <= 1 && a.clientHeight <= 1 && clips(a)) return true;
			return false;
		};
		for (const pair of document.querySelectorAll('.flat .chapter > .pair')) {
			const still = pair.querySelector(':scope > .still');
			if (!still) continue;
			const step = pair.querySelector('[data-step]')?.getAttribute('data-step') ?? null;
			const all = [still, ...still.querySelectorAll('*')];
			for (const el of all) {
				if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
				if (spoken(el)) continue;
				if (!clips(el) || getComputedStyle(el).display === 'contents') continue;
				const over = [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight];
				if (over[0]! > SLACK || over[1]! > SLACK)
					out.push({
						step,
						what: name(el),
						detail: `holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`
					});
			}
			// Boxes against every clipping ancestor up to the still itself.
			const boxes: [Element, DOMRect][] = [];
			for (const el of still.querySelectorAll('*')) {
				if (el instanceof SVGElement && !(el instanceof SVGSVGElement) && el.tagName !== 'text')
					continue;
				const r = el.getBoundingClientRect();
				if (shown(r)) boxes.push([el, r]);
			}
			const walker = document.createTreeWalker(still, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (!n.textContent?.trim() || n.parentElement?.closest('svg')) continue;
				const range = document.createRange();
				range.selectNodeContents(n);
				for (const r of range.getClientRects())
					if (shown(r)) boxes.push([n.parentElement!, r as DOMRect]);
			}
			for (const [el, r] of boxes) {
				if (getComputedStyle(el).visibility === 'hidden') continue;
				if (spoken(el)) continue;
				for (let a = el.parentElement; a && still.contains(a); a = a.parentElement) {
					if (!clips(a)) continue;
					const b = a.getBoundingClientRect();
					if (
						r.left < b.left - SLACK ||
						r.top < b.top - SLACK ||
						r.right > b.right + SLACK ||
						r.bottom > b.bottom + SLACK
					) {
						out.push({
							step,
							what: name(el),
							detail: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} outside ${name(a)} ${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}`
						});
						break;
					}
				}
			}
		}
		return out;
	});
}

async function settle(page: Page) {
	await page.locator('.flat').waitFor();
	await page.evaluate(() => document.fonts.ready);
	// Two frames: every scene has drawn its final state.
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))
	);
}

for (const width of [360, 1200]) {
	test.describe(`the flat embed at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });

		test('every chapter shows every graphic whole', async ({ page }) => {
			expect(CHAPTERS.length).toBeGreaterThan(10);
			const found: string[] = [];
			for (const id of CHAPTERS) {
				await page.goto(`/embed?mode=flat&chapter=${id}`);
				await settle(page);
				const pairs = await page.locator('.flat .chapter > .pair').count();
				expect(pairs, id).toBeGreaterThan(0);
				await expect(page.locator('.flat .chapter > .pair > .still'), id).toHaveCount(pairs);
				for (const c of await cuts(page)) found.push(`${id} ${c.step}: ${c.what} ${c.detail}`);
				// Nothing wider than the host's column: no sideways scroll in the frame.
				const wide = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(wide, `${id} scrolls sideways`).toBeLessThanOrEqual(0);
			}
			expect(found).toEqual([]);
		});

		test('the whole story unrolled shows every graphic whole', async ({ page }) => {
			await page.goto('/embed?mode=flat');
			await page.locator('[data-spoiler-warning]').getByRole('button').click();
			await settle(page);
			expect(await page.locator('.flat section[id]').count()).toBe(CHAPTERS.length);
			expect(await cuts(page)).toEqual([]);
		});
	});
}

test('the probe sees a cut: a still squeezed to half its height is reported', async ({ page }) => {
	await page.setViewportSize({ width: 1200, height: 900 });
	await page.goto('/embed?mode=flat&chapter=reading-lenses');
	await settle(page);
	expect(await cuts(page)).toEqual([]);
	await page.evaluate(() => {
		const still = document.querySelector<HTMLElement>('.flat .chapter > .pair > .still')!;
		still.style.height = `${still.offsetHeight / 2}px`;
	});
	expect((await cuts(page)).length).toBeGreaterThan(0);
});
