/**
 * DESIGN §9 in the browser: without JavaScript, without WebGL, with reduced motion, through a
 * resize, fast flings, deep links, back/forward and twenty round trips to /present, the story is
 * whole, the active step is right, nothing leaks and nothing logs an error.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { passGate } from '../support/gate';
import {
	chapterIds,
	collectErrors,
	disableWebGL,
	enterStory,
	expectActiveStepMatchesScroll,
	frames,
	scrollSettled,
	scrollThrough,
	scrollToStep,
	started,
	stepIds,
	trackWebGL
} from '../support/page';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every chapter and every step is in the page, with its text shown', async ({
		page,
		browser
	}) => {
		// What the enhanced page renders is the reference: the no-JS page must have all of it.
		const js = await browser.newPage();
		await js.goto('/');
		const expectedChapters = await chapterIds(js);
		const expectedSteps = await stepIds(js);
		await js.close();

		await page.goto('/');
		expect(await chapterIds(page)).toEqual(expectedChapters);
		expect(await stepIds(page)).toEqual(expectedSteps);
		expect(expectedSteps.length).toBeGreaterThan(10);
		for (const id of expectedChapters) {
			await expect(page.locator(`section#${id} h2`)).toHaveText(/\S/);
		}
		for (const step of await page.locator('[data-step]').all()) {
			await step.scrollIntoViewIfNeeded();
			await expect(step).toBeVisible();
			// As drawn: a chapter is drawn once it nears the screen, a frame after the scroll.
			await expect(step).toHaveText(/\p{L}{2,}/u, { useInnerText: true });
		}
	});
});

test('without WebGL the finale shows its fallback, with no errors', async ({ page }) => {
	await page.addInitScript(disableWebGL);
	const errors = collectErrors(page);
	await page.goto('/');
	await enterStory(page);
	await scrollThrough(page);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expect(
		page.locator('[data-starfield-fallback]').filter({ visible: true }).first()
	).toBeVisible({ timeout: 10_000 });
	await expect(page.locator('canvas[data-starfield]')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('every step is readable when it is the active one', async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto('/');
		await enterStory(page);
		const ids = await stepIds(page);
		const hidden: string[] = [];
		for (const id of ids) {
			await scrollToStep(page, id);
			const opacity = await page.locator(`[data-step="${id}"]`).evaluate((el) => {
				// The opacity a reader sees is the product of every ancestor's.
				let o = 1;
				for (let n: Element | null = el; n; n = n.parentElement) {
					const s = getComputedStyle(n);
					if (s.visibility === 'hidden' || s.display === 'none') return 0;
					o *= Number(s.opacity);
				}
				return o;
			});
			if (opacity < 0.9) hidden.push(`${id} (opacity ${opacity.toFixed(2)})`);
		}
		expect(hidden, 'steps not fully visible under reduced motion').toEqual([]);
		expect(errors).toEqual([]);
	});
});

test('a resize mid-scroll keeps the active step right', async ({ page }) => {
	// Past the spoiler gate: the withheld story is hidden, and a hidden chapter away from the
	// screen is not drawn, so it has no boxes to measure against.
	await passGate(page);
	const errors = collectErrors(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	const ids = await stepIds(page);
	await scrollToStep(page, ids[Math.floor(ids.length / 2)]!);
	await expectActiveStepMatchesScroll(page);
	for (const size of [
		{ width: 390, height: 844 },
		{ width: 1024, height: 600 },
		{ width: 1440, height: 900 }
	]) {
		await page.setViewportSize(size);
		await frames(page, 4);
		await expectActiveStepMatchesScroll(page);
	}
	expect(errors).toEqual([]);
});

test('twenty fast flings land on the right step', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/');
	await page.mouse.move(400, 400);
	// A seeded sequence, so a failure replays the same way.
	let seed = 7;
	const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) as number;
	for (let i = 0; i < 20; i++) {
		const down = i % 2 === 0 ? 1 : -1;
		await page.mouse.wheel(0, down * (2000 + rand() * 8000));
		await page.waitForTimeout(20 + rand() * 60);
	}
	// End somewhere in the middle of the story, not at either end.
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.45));
	for (let i = 0; i < 6; i++) await page.mouse.wheel(0, (i % 2 ? -1 : 1) * 3000);
	await scrollSettled(page);
	await expectActiveStepMatchesScroll(page);
	expect(errors).toEqual([]);
});

test('a deep link to every chapter puts that chapter in view', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/');
	const ids = await chapterIds(page);
	expect(ids.length).toBeGreaterThan(5);
	for (const id of ids) {
		await page.goto('about:blank');
		await page.goto(`/#${id}`);
		await scrollSettled(page);
		await expect(page.locator(`section#${id} h2`), `/#${id}`).toBeInViewport();
	}
	expect(errors).toEqual([]);
});

test('back and forward after following links return to where the reader was', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/');
	await enterStory(page);
	await scrollSettled(page);
	// A citation mark half-way through the story opens its note, which leads on to the full list.
	const ids = await stepIds(page);
	const cited = page.locator('[data-step] sup button.cite-mark');
	expect(await cited.count(), 'citation marks that link to source notes').toBeGreaterThan(0);
	const middle = await cited.evaluateAll(
		(els, half) =>
			els.findIndex((e) => e.closest('[data-step]')?.getAttribute('data-step') === half),
		ids[Math.floor(ids.length / 2)]
	);
	const mark = cited.nth(Math.max(0, middle));
	const from = await mark.evaluate((e) => e.closest('[data-step]')!.getAttribute('data-step')!);
	await scrollToStep(page, from);
	const y = await page.evaluate(() => window.scrollY);
	await mark.click();
	await page.getByRole('dialog').getByRole('link', { name: 'All sources' }).click();
	await scrollSettled(page);
	const target = new URL(page.url()).hash;
	await expect(page.locator(target)).toBeInViewport();
	await page.goBack();
	await scrollSettled(page);
	expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(50);
	await expect(page.locator(`[data-step="${from}"]`)).toBeInViewport();
	await expectActiveStepMatchesScroll(page);
	await page.goForward();
	await scrollSettled(page);
	expect(new URL(page.url()).hash).toBe(target);
	await expect(page.locator(target)).toBeInViewport();
	expect(errors).toEqual([]);
});

test('a reader who scrolls while the page starts gets no error, and the URL follows after', async ({
	page
}) => {
	const errors = collectErrors(page);
	// A deep link opened on a phone, and the reader's thumb already moving as the scripts start.
	await page.goto('/#finale', { waitUntil: 'commit' });
	for (let i = 0; i < 20; i++) {
		await page.mouse.wheel(0, -200).catch(() => {});
		await page.waitForTimeout(50);
	}
	await started(page);
	await page.waitForTimeout(800);
	expect(errors).toEqual([]);
	await page.mouse.wheel(0, -600);
	await scrollSettled(page);
	await expect(page).not.toHaveURL(/#finale$/);
	await expectActiveStepMatchesScroll(page);
	expect(errors).toEqual([]);
});

test('back and forward between deep links typed in the address bar', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/');
	// The page has started (its scripts load after the words), as a reader's would have.
	await started(page);
	const ids = await chapterIds(page);
	const [a, b, c] = [ids[1]!, ids[Math.floor(ids.length / 2)]!, ids[ids.length - 2]!];
	for (const id of [a, b, c]) {
		await page.goto(`/#${id}`);
		await scrollSettled(page);
		await expect(page.locator(`section#${id} h2`)).toBeInViewport();
	}
	await page.goBack();
	await scrollSettled(page);
	await expect(page).toHaveURL(new RegExp(`#${b}$`));
	await expect(page.locator(`section#${b} h2`), `back to /#${b}`).toBeInViewport();
	await page.goBack();
	await scrollSettled(page);
	await expect(page.locator(`section#${a} h2`), `back to /#${a}`).toBeInViewport();
	await page.goForward();
	await scrollSettled(page);
	await expect(page).toHaveURL(new RegExp(`#${b}$`));
	await expect(page.locator(`section#${b} h2`), `forward to /#${b}`).toBeInViewport();
	expect(errors).toEqual([]);
});

/** Listeners on window and document (all, and scroll ones), through the DevTools protocol. */
async function globalListeners(cdp: CDPSession): Promise<{ all: number; scroll: number }> {
	let n = 0;
	let scroll = 0;
	for (const expression of ['window', 'document']) {
		const { result } = await cdp.send('Runtime.evaluate', { expression });
		const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
			objectId: result.objectId!
		});
		n += listeners.length;
		scroll += listeners.filter((l) => l.type === 'scroll').length;
		await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
	}
	return { all: n, scroll };
}

interface Counts {
	listeners: number;
	scrollListeners: number;
	/** window.__strangers.scenes (src/lib/scenes/gsap.ts), null where the hook is missing */
	scrollTriggers: number | null;
	gsapContexts: number | null;
	loops: number | null;
	pinSpacers: number;
	webgl: number;
}

async function counts(page: Page, cdp: CDPSession): Promise<Counts> {
	await cdp.send('HeapProfiler.collectGarbage');
	const inPage = await page.evaluate(() => {
		const w = window as unknown as {
			__strangers?: { scenes?: { triggers: number; contexts: number; loops: number } };
			__webgl: { live(): number };
		};
		const scenes = w.__strangers?.scenes;
		return {
			scrollTriggers: scenes ? scenes.triggers : null,
			gsapContexts: scenes ? scenes.contexts : null,
			loops: scenes ? scenes.loops : null,
			pinSpacers: document.querySelectorAll('.pin-spacer').length,
			webgl: w.__webgl.live()
		};
	});
	const { all, scroll } = await globalListeners(cdp);
	return { listeners: all, scrollListeners: scroll, ...inPage };
}

test('reached by a link from /present, the story has every word, and its scenes come alive', async ({
	page
}) => {
	const errors = collectErrors(page);
	await page.goto('/present');
	const expected = await (await page.request.get('/story.json')).json();
	// A link followed inside the site: SvelteKit renders the page, there is no prerendered HTML.
	await page.evaluate(() => {
		const a = document.createElement('a');
		a.href = '/#knock';
		a.textContent = 'Back to the story';
		a.style.cssText = 'position:fixed;left:0;bottom:0;z-index:2147483647;background:#fff';
		document.body.append(a);
	});
	await page.getByRole('link', { name: 'Back to the story' }).click();
	await expect(page).toHaveURL(/\/#knock$/);
	const steps = page.locator('[data-step]');
	await expect(steps).toHaveCount(
		expected.chapters.reduce((n: number, c: { steps: unknown[] }) => n + c.steps.length, 0)
	);
	for (const step of (await steps.all()).slice(0, 12)) {
		expect((await step.textContent())!.trim().length, 'the step has its words').toBeGreaterThan(40);
	}
	await page.locator('#knock [data-step]').first().scrollIntoViewIfNeeded();
	await expect(page.locator('#knock .graphic[data-live]')).toBeAttached();
	expect(errors).toEqual([]);
});

test('twenty round trips between / and /present leak no listeners, triggers or contexts', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.addInitScript(trackWebGL);
	const errors = collectErrors(page);
	const cdp = await page.context().newCDPSession(page);

	const present = await page.request.get('/present');
	expect(present.status(), '/present exists (DESIGN §3)').toBe(200);

	const HREFS = {
		'/': ['/', './', '..', '../'],
		'/present': ['/present', './present', 'present']
	} as const;

	/**
	 * Client-side, as a reader clicking a link: the site's own link where it has one, else a
	 * link put in the page for the purpose (SvelteKit's router takes any same-origin <a>).
	 */
	async function visit(path: '/' | '/present') {
		const link = page.locator(HREFS[path].map((h) => `main a[href="${h}"]`).join(', '));
		if (await link.count()) {
			await link.first().click();
		} else {
			await page.evaluate((href) => {
				const a = document.createElement('a');
				a.href = href;
				a.id = '__round-trip';
				a.textContent = 'go';
				a.style.cssText = 'position:fixed;left:0;bottom:0;z-index:2147483647;background:#fff';
				document.body.append(a);
			}, path);
			await page.locator('#__round-trip').click();
			await page.evaluate(() => document.getElementById('__round-trip')?.remove());
		}
		await expect(page).toHaveURL(path === '/' ? /\/(#.*)?$/ : /\/present(#.*)?$/);
		await page.waitForLoadState('networkidle');
		await frames(page, 2);
	}

	/**
	 * The reader has engaged on an earlier visit, so back on / the scenes near the top go live in
	 * the next idle moment (at most 300 ms later). Count only once they have, or the two counts
	 * would compare a page before its scenes mount with one after.
	 */
	async function liveScenesSettled() {
		await expect(page.locator('.graphic[data-live]').first()).toBeAttached();
		await page.waitForTimeout(400);
		await frames(page, 2);
	}

	/** On /: go to the finale so the starfield (and every scene) has been created. */
	async function readToTheEnd() {
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await frames(page, 4);
		await page.waitForTimeout(300);
		await page.evaluate(() => window.scrollTo(0, 0));
		await frames(page, 2);
	}

	/** The head holds one page's title and tags, never two pages' or none. */
	async function head() {
		return page.evaluate(() => ({
			titles: [...document.head.querySelectorAll('title')].map((t) => t.textContent),
			title: document.title,
			descriptions: document.head.querySelectorAll('meta[name="description"]').length,
			canonicals: document.head.querySelectorAll('link[rel="canonical"]').length
		}));
	}

	await page.goto('/');
	const own = await head();
	expect(own).toMatchObject({ descriptions: 1, canonicals: 1 });
	expect(own.titles).toEqual([own.title]);
	await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
	await readToTheEnd();
	await visit('/present');
	const presenting = await head();
	expect(presenting.title).toContain('Presenting');
	expect(presenting).toMatchObject({ titles: [presenting.title], canonicals: 0 });
	await visit('/');
	// Rendered in the browser this time, its head built there: the same as the prerendered one.
	expect(await head()).toEqual(own);
	await liveScenesSettled();
	const before = await counts(page, cdp);

	for (let i = 0; i < 20; i++) {
		await readToTheEnd();
		await visit('/present');
		await visit('/');
	}
	await liveScenesSettled();
	const after = await counts(page, cdp);
	test.info().annotations.push({
		type: 'counts',
		description: JSON.stringify({ before, after })
	});
	console.log(`round trips: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
	expect(
		await page.evaluate(() => (window as unknown as { __same?: boolean }).__same),
		'every trip was client-side (the window survived)'
	).toBe(true);
	expect(after.listeners, 'listeners on window and document').toBeLessThanOrEqual(before.listeners);
	expect(after.scrollListeners, 'scroll listeners on window and document').toBeLessThanOrEqual(
		before.scrollListeners
	);
	expect(after.pinSpacers, 'ScrollTrigger pin spacers in the DOM').toBeLessThanOrEqual(
		before.pinSpacers
	);
	expect(after.webgl, 'live WebGL contexts').toBeLessThanOrEqual(Math.max(1, before.webgl));
	expect(after.scrollTriggers, 'the debug hook window.__strangers.scenes').not.toBeNull();
	expect(after.scrollTriggers, 'ScrollTrigger.getAll().length').toBeLessThanOrEqual(
		before.scrollTriggers!
	);
	expect(after.gsapContexts, 'live gsap contexts').toBeLessThanOrEqual(before.gsapContexts!);
	expect(after.loops, 'running canvas loops').toBeLessThanOrEqual(before.loops!);
	expect(errors).toEqual([]);
});
