/**
 * Accessibility: axe (WCAG 2.0/2.1/2.2 A and AA) on every route and state, a keyboard-only walk
 * through the whole piece, and the story at 200% zoom.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { frames, scrollSettled, scrollToStep, spoilerButtonLabel, stepIds } from '../support/page';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: Page, what: string, include?: string) {
	let axe = new AxeBuilder({ page }).withTags(TAGS);
	// The story's DOM is the same in every state but the one being shown; checking that chapter
	// (after the full page at the top) keeps three runs over a long page affordable.
	if (include) axe = axe.include(include);
	const { violations } = await axe.analyze();
	const summary = violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.slice(0, 5)
				.map((n) => n.target.join(' '))
				.join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`
	);
	expect(summary, `axe violations on ${what}`).toEqual([]);
}

test.describe('axe', () => {
	test('/ at the top', async ({ page }) => {
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		await expectNoViolations(page, '/ at the top');
	});

	test('/ mid-story', async ({ page }) => {
		await page.goto('/');
		const ids = await stepIds(page);
		const middle = ids[Math.floor(ids.length / 2)]!;
		await scrollToStep(page, middle);
		await page.waitForTimeout(300);
		const chapter = await page
			.locator(`[data-step="${middle}"]`)
			.evaluate((el) => el.closest('section[id]')!.id);
		await expectNoViolations(page, '/ scrolled to a middle step', `section#${chapter}`);
	});

	test('/ at the finale', async ({ page }) => {
		await page.goto('/');
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await scrollSettled(page);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(500);
		const last = await page.locator('main section[id]').last().getAttribute('id');
		await expectNoViolations(page, '/ at the finale', `section#${last}`);
	});

	for (const route of ['/present', '/present/notes', '/embed']) {
		test(route, async ({ page }) => {
			const res = await page.goto(route);
			expect(res?.status(), `${route} exists (DESIGN §3)`).toBe(200);
			await page.waitForLoadState('networkidle');
			await expectNoViolations(page, route);
		});
	}
});

interface Stop {
	key: string;
	tag: string;
	name: string;
	inViewport: boolean;
	indicator: boolean;
	body: boolean;
}

test('a keyboard-only walk reaches the end with every focus visible and indicated', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await page.waitForLoadState('networkidle');
	const MAX = 800;
	const gate = spoilerButtonLabel();
	const stops: Stop[] = [];
	const problems: string[] = [];
	for (let i = 0; i < MAX; i++) {
		await page.keyboard.press('Tab');
		await frames(page, 1);
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body || el === document.documentElement)
				return { body: true } as Stop;
			const w = window as unknown as { __keys?: WeakMap<Element, string>; __n?: number };
			w.__keys ??= new WeakMap();
			(w as unknown as { __lastFocus?: Element }).__lastFocus = el;
			if (!w.__keys.has(el)) w.__keys.set(el, `k${(w.__n = (w.__n ?? 0) + 1)}`);
			// A visually hidden radio or checkbox shows its focus on its label.
			const input = el as HTMLInputElement;
			const shown =
				el.tagName === 'INPUT' &&
				input.labels?.length &&
				(Number(getComputedStyle(el).opacity) < 0.1 || el.getBoundingClientRect().width < 2)
					? (input.labels[0] as HTMLElement)
					: el;
			const r = shown.getBoundingClientRect();
			const inViewport =
				r.width > 0 &&
				r.height > 0 &&
				r.bottom > 0 &&
				r.right > 0 &&
				r.top < window.innerHeight &&
				r.left < window.innerWidth;
			// A visible indicator: an outline or a box shadow that is not transparent.
			const s = getComputedStyle(shown);
			const transparent = (c: string) => /rgba\([^)]*,\s*0\)|transparent/.test(c);
			const outline =
				s.outlineStyle !== 'none' &&
				parseFloat(s.outlineWidth) >= 1 &&
				!transparent(s.outlineColor);
			const shadow = s.boxShadow !== 'none' && !transparent(s.boxShadow);
			// Effective opacity: a focused element inside a faded-out layer is not visible.
			let opacity = 1;
			for (let n: Element | null = shown; n; n = n.parentElement)
				opacity *= Number(getComputedStyle(n).opacity);
			return {
				key: w.__keys.get(el)!,
				tag: el.tagName.toLowerCase(),
				name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
				inViewport: inViewport && opacity > 0.5 && s.visibility !== 'hidden',
				indicator: outline || shadow,
				body: false
			};
		});
		if (stop.body) break; // focus left the document: the walk reached its end
		if (stops.length && stop.key === stops[0]!.key) break; // wrapped round to the start
		const label = `#${stops.length + 1} <${stop.tag}> "${stop.name}"`;
		if (!stop.inViewport) problems.push(`${label} is focused but not visible on screen`);
		if (!stop.indicator) problems.push(`${label} has no visible focus indicator`);
		stops.push(stop);
		// The spoiler gate: a keyboard reader passes it with Enter, and the story opens.
		if (stop.tag === 'button' && stop.name.startsWith(gate)) {
			await page.keyboard.press('Enter');
			// It glides down to the first chapter: the reader's next Tab comes once it has landed.
			await scrollSettled(page);
		}
	}
	test.info().annotations.push({ type: 'focus stops', description: String(stops.length) });
	console.log(`keyboard walk: ${stops.length} focus stops`);
	expect(
		stops.length,
		'focus stops before the walk ends (more means focus is trapped)'
	).toBeLessThan(MAX);
	// A trap shows as the same few elements over and over.
	const distinct = new Set(stops.map((s) => s.key)).size;
	expect(distinct, 'every stop is a different element (none repeats: no trap)').toBe(stops.length);
	expect(stops.length).toBeGreaterThan(2);
	expect(problems).toEqual([]);
	// The walk went through the whole piece: the last stop lies in the last chapter or after it.
	const reachedEnd = await page.evaluate(() => {
		const last = [...document.querySelectorAll('main section[id]')].at(-1);
		const el = document.activeElement;
		const w = window as unknown as { __lastFocus?: Element };
		const probe = el && el !== document.body ? el : w.__lastFocus;
		if (!last || !probe) return false;
		return (
			last.contains(probe) ||
			!!(last.compareDocumentPosition(probe) & Node.DOCUMENT_POSITION_FOLLOWING)
		);
	});
	expect(reachedEnd, 'the keyboard walk reached the last chapter').toBe(true);
});

test.describe('at 200% zoom (1280×900 screen)', () => {
	test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });

	test('no horizontal overflow and the text stays readable', async ({ page }) => {
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		const ids = await stepIds(page);
		const problems: string[] = [];
		for (const id of ids) {
			await scrollToStep(page, id);
			const p = await page.locator(`[data-step="${id}"]`).evaluate((el) => {
				const out: string[] = [];
				const doc = document.documentElement;
				if (doc.scrollWidth > doc.clientWidth + 1)
					out.push(`page is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px viewport`);
				for (const t of el.querySelectorAll<HTMLElement>('p, li, blockquote, figcaption')) {
					const r = t.getBoundingClientRect();
					const s = getComputedStyle(t);
					if (r.left < -1 || r.right > window.innerWidth + 1)
						out.push(`text runs off screen (${Math.round(r.left)}..${Math.round(r.right)}px)`);
					if (parseFloat(s.fontSize) < 12) out.push(`text is ${s.fontSize}`);
					if (t.scrollWidth > t.clientWidth + 1 && s.overflowX !== 'visible')
						out.push('text is clipped');
					if (r.height > window.innerHeight * 3)
						out.push(`one block is ${Math.round(r.height)}px tall`);
				}
				return out;
			});
			problems.push(...p.map((m) => `${id}: ${m}`));
		}
		expect([...new Set(problems)]).toEqual([]);
	});
});
