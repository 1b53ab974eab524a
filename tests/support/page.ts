import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, type Page } from '@playwright/test';

/** The routes of DESIGN §3 that are pages of their own. */
export const ROUTES = ['/', '/present', '/present/notes', '/embed'] as const;

/** Console errors and uncaught exceptions, collected from now on. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	return errors;
}

/** Waits for two animation frames (a scroll handler and what it scheduled). */
export async function frames(page: Page, n = 2): Promise<void> {
	await page.evaluate(async (n) => {
		for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
	}, n);
}

/** Scrolls from top to bottom in half-screens, a frame or two per step, then back to the top. */
export async function scrollThrough(page: Page, { back = false } = {}): Promise<void> {
	await page.evaluate(async (back) => {
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		const bottom = () => document.documentElement.scrollHeight - window.innerHeight;
		for (let y = 0; y <= bottom() + window.innerHeight / 2; y += window.innerHeight / 2) {
			window.scrollTo(0, y);
			await frame();
			await frame();
		}
		if (back) {
			window.scrollTo(0, 0);
			await frame();
		}
	}, back);
}

/** Puts a step's top just above the trigger line (half-way down the viewport). */
export async function scrollToStep(page: Page, id: string): Promise<void> {
	await page.locator(`[data-step="${id}"]`).evaluate((el) => {
		const r = el.getBoundingClientRect();
		window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
	});
	await frames(page);
}

/**
 * Scrolls a step to the trigger line and waits until the story marks it current. Just after load
 * the page is still settling (chapters drawn as they near, the web fonts swapping in) and the step
 * may drift a few pixels off the line, so it aims again until the step holds it.
 */
export async function reachStep(page: Page, id: string): Promise<void> {
	const step = page.locator(`[data-step="${id}"]`);
	await expect(async () => {
		await scrollToStep(page, id);
		await expect(step).toHaveAttribute('aria-current', 'step', { timeout: 1500 });
	}).toPass({ timeout: 15_000 });
}

/** Waits until scrollY has not moved for `quietMs`. */
export async function scrollSettled(page: Page, quietMs = 300): Promise<void> {
	await page.evaluate(async (quietMs) => {
		let last = window.scrollY;
		let since = performance.now();
		const end = performance.now() + 5000;
		while (performance.now() < end) {
			await new Promise((r) => requestAnimationFrame(r));
			if (window.scrollY !== last) {
				last = window.scrollY;
				since = performance.now();
			} else if (performance.now() - since >= quietMs) return;
		}
	}, quietMs);
}

/**
 * The step that should be active for the current scroll position, by the rule of
 * src/lib/scroll/active-step.ts as DESIGN §5 states it: the last rendered step whose top has
 * crossed the line half-way down the viewport (null above the first).
 */
export async function expectedActiveStep(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const line = window.innerHeight / 2;
		let id: string | null = null;
		for (const el of document.querySelectorAll<HTMLElement>('[data-step]')) {
			if (!el.getClientRects().length) continue;
			if (el.getBoundingClientRect().top <= line) id = el.dataset.step ?? null;
		}
		return id;
	});
}

/** Asserts that exactly one step is active and that it is the right one for where we are. */
export async function expectActiveStepMatchesScroll(page: Page): Promise<void> {
	await expect(async () => {
		const expected = await expectedActiveStep(page);
		expect(expected, 'scrolled above the first step').not.toBeNull();
		const active = page.locator('[aria-current="step"]');
		await expect(active).toHaveCount(1, { timeout: 200 });
		expect(await active.getAttribute('data-step')).toBe(expected);
	}).toPass({ timeout: 3000 });
}

/** Chapter ids, in reading order, as the page renders them. */
export async function chapterIds(page: Page): Promise<string[]> {
	return page.locator('main section[id]').evaluateAll((els) => els.map((e) => e.id));
}

/** Step ids, in reading order. */
export async function stepIds(page: Page): Promise<string[]> {
	return page
		.locator('[data-step]')
		.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.step ?? ''));
}

/**
 * Init script: tracks every WebGL context the page creates, so a test can count the ones still
 * alive (not lost). Holding them keeps them from being collected, which is the point: DESIGN §8
 * asks for forceContextLoss() on dispose, after which isContextLost() is true.
 */
export function trackWebGL(): void {
	const contexts: WebGLRenderingContext[] = [];
	const w = window as unknown as { __webgl: { live(): number; created(): number } };
	w.__webgl = {
		live: () => contexts.filter((c) => !c.isContextLost()).length,
		created: () => contexts.length
	};
	const original = HTMLCanvasElement.prototype.getContext;
	HTMLCanvasElement.prototype.getContext = function (
		this: HTMLCanvasElement,
		type: string,
		...rest: unknown[]
	) {
		const ctx = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
		if (ctx && /webgl/.test(type) && !contexts.includes(ctx as WebGLRenderingContext))
			contexts.push(ctx as WebGLRenderingContext);
		return ctx;
	} as typeof original;
}

/**
 * Init script: no WebGL at all, as on a machine whose GPU is blocklisted. Init scripts do not
 * reach workers, so the canvas also cannot be handed to one (where it would find WebGL).
 */
export function disableWebGL(): void {
	delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
	const original = HTMLCanvasElement.prototype.getContext;
	HTMLCanvasElement.prototype.getContext = function (
		this: HTMLCanvasElement,
		type: string,
		...rest: unknown[]
	) {
		if (/^(webgl|webgl2|experimental-webgl)$/.test(type)) return null;
		return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
	} as typeof original;
}

/** The label of the spoiler gate's button, from content/story.yaml. */
export function spoilerButtonLabel(): string {
	const text = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'story.yaml'), 'utf8');
	const story = parse(text) as { spoiler: { button: string } };
	return story.spoiler.button;
}

/**
 * Waits until the page has started: its scripts load after the words (the story pages list their
 * module preloads at the end of the body), so on a busy two-core test machine this can take
 * seconds.
 * How long it takes a reader is the bench's business, not a test's.
 */
export async function started(page: Page): Promise<void> {
	await page.locator('main.enhanced').waitFor({ state: 'attached', timeout: 20_000 });
}

/**
 * The story's web faces are in: they are added after the first paint (web-fonts.ts), so
 * `document.fonts.ready` may resolve before they are even asked for.
 */
export async function webFacesIn(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		['Newsreader', 'Inter'].every((family) =>
			[...document.fonts].some((f) => f.family === family && f.status === 'loaded')
		)
	);
}

/** Passes the spoiler gate (DESIGN §1: a button, remembered for the session) where it is shown. */
export async function enterStory(page: Page): Promise<void> {
	// Until hydration the control is a plain link, swapped for the button as the page comes alive:
	// a click in between lands on the old element and is lost.
	await started(page);
	const button = page
		.getByRole('button', { name: spoilerButtonLabel() })
		.filter({ visible: true })
		.first();
	if (await button.isVisible()) await button.click();
	// The gate withholds the story with visibility and inert, not opacity: wait for it to open.
	await page.waitForFunction(() => !document.querySelector('#story')?.hasAttribute('inert'));
	// The story fades in (a cross-fade even under reduced motion): wait until it is shown.
	await page.waitForFunction(
		() => {
			let o = 1;
			for (let n = document.querySelector('[data-step]'); n; n = n.parentElement)
				o *= Number(getComputedStyle(n).opacity);
			return o > 0.99;
		},
		undefined,
		{ timeout: 5000 }
	);
}

/**
 * Brings chapter `id` on screen and waits for its live graphic: with JavaScript, a chapter's
 * prerendered still stays unparsed until the reader nears it, then the live scene takes its place.
 */
export async function goLive(page: Page, id: string): Promise<void> {
	await page
		.locator(`section#${id} [data-step]`)
		.first()
		.evaluate((el) => {
			const r = el.getBoundingClientRect();
			window.scrollTo(0, window.scrollY + r.top - window.innerHeight / 2 + 2);
		});
	await page.locator(`section#${id} .graphic[data-live]`).waitFor({ state: 'attached' });
}
