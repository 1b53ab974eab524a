import { expect, type Page } from '@playwright/test';

/** The three projectors a classroom is likely to have. */
export const PROJECTORS = [
	{ width: 1366, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1024, height: 768 }
] as const;

/**
 * Everything on the slide that does not fit, as readable lines (empty when the slide fits):
 * - an element's box or a line of text leaving the slide (the stage between the top line and the
 *   progress bar);
 * - a line clipped by an ancestor whose overflow is not visible;
 * - a line under a control (the toolbar, a panel's buttons) or under anything else drawn on top.
 * Drawings inside an SVG are the SVG's business (it clips them to its own box by design).
 */
export function slideProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const stage = document.querySelector<HTMLElement>('[data-present] .stage');
		if (!stage) return ['no slide on screen'];
		const s = stage.getBoundingClientRect();
		const problems = new Set<string>();
		const name = (el: Element) => {
			const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
			return `<${el.tagName.toLowerCase()}> "${text}"`;
		};
		const inside = (r: DOMRect, b: DOMRect) =>
			r.left >= b.left - 1 &&
			r.right <= b.right + 1 &&
			r.top >= b.top - 1 &&
			r.bottom <= b.bottom + 1;
		const meets = (r: DOMRect, b: DOMRect) =>
			r.right > b.left + 1 && r.left < b.right - 1 && r.bottom > b.top + 1 && r.top < b.bottom - 1;
		const shown = (el: Element) =>
			!el.closest('.visually-hidden, [hidden]') &&
			el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
		const clipper = (el: Element, r: DOMRect) => {
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				const cs = getComputedStyle(a);
				if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
				if (!inside(r, a.getBoundingClientRect())) return a;
			}
			return null;
		};
		const controls = [
			...document.querySelectorAll('[data-present] nav, [data-present] [role="group"] button')
		].map((c) => c.getBoundingClientRect());

		for (const el of stage.querySelectorAll('*')) {
			if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
			if (!shown(el)) continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			if (!inside(r, s)) problems.add(`box leaves the slide: ${name(el)}`);
		}

		const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !n.textContent?.trim() || el.closest('svg') || !shown(el)) continue;
			const range = document.createRange();
			range.selectNodeContents(n);
			for (const r of range.getClientRects()) {
				if (r.width === 0 || r.height === 0) continue;
				if (!inside(r, s)) problems.add(`text leaves the slide: ${name(el)}`);
				const a = clipper(el, r);
				if (a) problems.add(`text clipped by ${name(a).slice(0, 30)}…: ${name(el)}`);
				if (controls.some((c) => meets(r, c))) problems.add(`text under a control: ${name(el)}`);
				const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
				const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
				const top = document.elementFromPoint(x, y);
				// A picker's input laid over its own label is the label's control, not a cover.
				const own =
					top instanceof HTMLInputElement && [...(top.labels ?? [])].some((l) => l.contains(el));
				if (top && !own && top !== el && !el.contains(top) && !top.contains(el))
					problems.add(`text covered by ${name(top).slice(0, 30)}…: ${name(el)}`);
			}
		}
		return [...problems];
	});
}

/** Waits until the slide on screen has its scene and has finished fitting (see present/fit.ts). */
export async function settled(page: Page) {
	await page.waitForFunction(
		() =>
			!!document.querySelector('[data-present] .stage .scene .scene-root') &&
			!document.querySelector('[data-present] [data-fitting]')
	);
	// A scene that arrives late starts another fit: look again after two frames.
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
	);
	await page.waitForFunction(() => !document.querySelector('[data-present] [data-fitting]'));
}

/** Steps through the whole deck from the first slide; returns each failing slide's problems. */
export async function deckProblems(page: Page): Promise<string[]> {
	await page.waitForFunction(() =>
		[...document.fonts].some((f) => f.family.includes('Newsreader') && f.status === 'loaded')
	);
	const total = Number((await page.locator('[data-counter]').innerText()).split('/')[1]);
	expect(total).toBeGreaterThan(10);
	const failing: string[] = [];
	for (let n = 1; n <= total; n++) {
		await expect(page.locator('[data-counter]')).toHaveText(new RegExp(`^${n} / `));
		await settled(page);
		const problems = await slideProblems(page);
		if (problems.length) failing.push(`slide ${n}:\n  ${problems.join('\n  ')}`);
		if (n < total) await page.keyboard.press('ArrowRight');
	}
	return failing;
}
