import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { passGate } from '../support/gate';
import { goLive, reachStep, started } from '../support/page';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';

/*
 * Scenes: one drawing per chapter, its state following the scroll.
 * The page exposes read-only counters at `window.__strangers.scenes` (see src/lib/scenes/gsap.ts):
 * loaded, triggers (ScrollTrigger.getAll().length), contexts (live scene gsap.contexts), loops
 * (running canvas loops).
 */

interface StepYaml {
	id: string;
	state: string;
}
const dir = join(process.cwd(), 'content/chapters');
const chapters = readdirSync(dir)
	.filter((f) => f.endsWith('.yaml'))
	.sort()
	.map(
		(f) =>
			parse(readFileSync(join(dir, f), 'utf8')) as { id: string; scene: string; steps: StepYaml[] }
	);

type Counters = { loaded: boolean; triggers: number; contexts: number; loops: number };
/** Before the first scene's GSAP has loaded, the hook is absent: everything reads as zero. */
const counters = (page: Page) =>
	page.evaluate((): Counters => ({
		loaded: false,
		triggers: 0,
		contexts: 0,
		loops: 0,
		...(window as unknown as { __strangers?: { scenes?: Counters } }).__strangers?.scenes
	}));

/**
 * A chapter's drawing: an SVG for the plot, a graphic set in HTML type for a reading chapter,
 * and for the finale the starfield (its still, then its canvas).
 */
const DRAWING = '.scene-root > svg, .scene-root[data-graphic], .scene-root > .starfield';
/** A plot chapter's drawing is an SVG animated with GSAP; the others have no timeline. */
const animated = (page: Page, id: string) =>
	page
		.locator(`section#${id} figure[data-scene] .scene-root > svg`)
		.count()
		.then((n) => n > 0);

test('every chapter has a scene figure with a drawing and a non-empty label', async ({ page }) => {
	// Past the spoiler gate: a withheld story is inert, and has no accessible names at all.
	await passGate(page);
	await page.goto('/');
	for (const c of chapters) {
		await goLive(page, c.id);
		const figure = page.locator(`section#${c.id} figure[data-scene]`);
		await expect(figure).toHaveCount(1);
		await expect(figure).toHaveAttribute('data-scene', c.scene);
		// An image's label, or for a scene with controls (the finale) its caption.
		await expect(figure).toHaveAccessibleName(/\S/);
		await expect(figure.locator(DRAWING)).toHaveCount(1);
		await expect(figure.locator('.missing')).toHaveCount(0);
	}
});

test('scrolling to a step sets its chapter figure to the step state, and the timeline follows', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/');
	await started(page);
	for (const c of chapters) {
		for (const s of c.steps) {
			await reachStep(page, s.id);
			await expect(page.locator(`section#${c.id} figure[data-scene]`)).toHaveAttribute(
				'data-state',
				s.state
			);
		}
		// In a plot chapter its scene's timeline is live (reading chapters have none).
		// Its motion library loads once the scene mounts, so the counters may take a moment.
		if (await animated(page, c.id)) {
			await expect.poll(async () => (await counters(page)).loaded, c.id).toBe(true);
			await expect.poll(async () => (await counters(page)).contexts, c.id).toBeGreaterThan(0);
		}
	}
	expect(errors).toEqual([]);
});

test('a deep link lands in the right state, without replaying the story', async ({ page }) => {
	const c = chapters.find((ch) => ch.steps.length > 2 && ch.id !== 'opening')!;
	const step = c.steps[c.steps.length - 1]!;
	await page.goto(`/#${step.id}`);
	await expect(page.locator(`section#${c.id} figure[data-scene]`)).toHaveAttribute(
		'data-state',
		step.state
	);
	await expect.poll(async () => (await counters(page)).contexts).toBeGreaterThan(0);
	// The sixth floor's typed line, for one: a deep link into the page chapter shows every letter.
	const typed = chapters.find((ch) => ch.scene === 'page');
	if (typed) {
		const last = typed.steps[typed.steps.length - 1]!;
		await page.goto(`/#${last.id}`);
		await page.waitForTimeout(800);
		const hidden = await page
			.locator(`section#${typed.id} figure[data-scene] .ch`)
			.evaluateAll((els) => els.filter((e) => getComputedStyle(e).visibility === 'hidden').length);
		expect(hidden).toBe(0);
	}
});

test.describe('reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('every step and every scene is fully visible', async ({ page }) => {
		await page.goto('/');
		for (const c of chapters)
			for (const s of c.steps) {
				await reachStep(page, s.id);
				const figure = page.locator(`section#${c.id} figure[data-scene]`);
				// The live scene replaces the prerendered still near its chapter: judge that one.
				await expect(page.locator(`section#${c.id} .graphic[data-live]`)).toHaveCount(1);
				await expect(figure).toHaveAttribute('data-state', s.state);
				if (await animated(page, c.id))
					await expect.poll(async () => (await counters(page)).contexts).toBeGreaterThan(0);
				// Nothing the picture shows is left at opacity 0 (what a state does not use is
				// hidden with visibility, GSAP's autoAlpha), and the step's text is fully opaque.
				const transparent = await figure.evaluate((fig) =>
					[fig, ...fig.querySelectorAll('*')]
						.filter((el) => {
							const cs = getComputedStyle(el);
							return (
								cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) === 0
							);
						})
						.map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''}`)
				);
				expect(transparent, `${c.id}/${s.id}`).toEqual([]);
				const text = await page.locator(`[data-step="${s.id}"]`).evaluate((el) => {
					let o = 1;
					for (let e: Element | null = el; e; e = e.parentElement)
						o *= Number(getComputedStyle(e).opacity);
					return o;
				});
				expect(text).toBe(1);
			}
		expect((await counters(page)).loops).toBe(0);
	});
});

test('the static runs only on screen and with motion allowed, and stops after', async ({
	page
}) => {
	const c = chapters.find((ch) => ch.steps.some((s) => s.state === 'static'));
	expect(c, 'a chapter shows the static').toBeDefined();
	const s = c!.steps.find((st) => st.state === 'static')!;
	await page.goto('/');
	await reachStep(page, s.id);
	await expect.poll(async () => (await counters(page)).loops).toBe(1);
	await page.evaluate(() => window.scrollTo(0, 0));
	await expect.poll(async () => (await counters(page)).loops).toBe(0);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await reachStep(page, s.id);
	await page.waitForTimeout(300);
	expect((await counters(page)).loops).toBe(0);
});

test('building and tearing down scenes 20 times leaves no ScrollTrigger behind', async ({
	page
}) => {
	/*
	 * A scene builds its gsap.context (timeline + ScrollTrigger) when its chapter nears the
	 * viewport and reverts it when the chapter goes far away, the same teardown as an unmount. We
	 * fling between the top and the bottom of the story 20 times, and flip the system's reduced-
	 * motion setting 20 times (each flip reverts and rebuilds every live scene), then compare the
	 * counts with those at the start.
	 */
	await page.goto('/');
	await page.mouse.wheel(0, 10);
	await expect.poll(async () => (await counters(page)).loaded).toBe(true);
	const settle = () => page.waitForTimeout(250);
	await page.evaluate(() => window.scrollTo(0, 0));
	await settle();
	const baseline = await counters(page);
	expect(baseline.triggers).toBe(baseline.contexts);
	for (let i = 0; i < 20; i++) {
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await settle();
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
		await settle();
		await page.evaluate(() => window.scrollTo(0, 0));
		await settle();
	}
	for (let i = 0; i < 20; i++) {
		await page.emulateMedia({ reducedMotion: i % 2 ? 'no-preference' : 'reduce' });
		await page.waitForTimeout(50);
	}
	await page.emulateMedia({ reducedMotion: 'no-preference' });
	await settle();
	const end = await counters(page);
	expect(end.triggers).toBe(baseline.triggers);
	expect(end.contexts).toBe(baseline.contexts);
	expect(end.loops).toBe(0);
});

test('client-side round trips to /present leave no ScrollTrigger behind', async ({
	page,
	request
}) => {
	expect((await request.get('/present')).ok()).toBe(true);
	await page.goto('/');
	await page.mouse.wheel(0, 10);
	await expect.poll(async () => (await counters(page)).loaded).toBe(true);
	const go = async (href: string) => {
		await page.evaluate((h) => {
			const a = document.createElement('a');
			a.href = h;
			document.body.append(a);
			a.click();
			a.remove();
		}, href);
		await page.waitForURL((u) => u.pathname === href);
		await page.waitForTimeout(200);
	};
	await go('/present');
	await go('/');
	// The baseline is taken once the counts hold still for half a second.
	let baseline = await counters(page);
	await expect
		.poll(async () => {
			await page.waitForTimeout(500);
			const now = await counters(page);
			const still = now.triggers === baseline.triggers && now.contexts === baseline.contexts;
			baseline = now;
			return still;
		})
		.toBe(true);
	for (let i = 0; i < 20; i++) {
		await go('/present');
		await go('/');
	}
	// Scenes near the viewport build their GSAP work a moment after arriving: wait for that to settle,
	// then the counts must be back where they started (a leak never comes back down).
	await expect.poll(async () => (await counters(page)).triggers).toBe(baseline.triggers);
	await expect.poll(async () => (await counters(page)).contexts).toBe(baseline.contexts);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every scene shows a prerendered still', async ({ page }) => {
		await page.goto('/');
		for (const c of chapters) {
			const drawing = page.locator(`section#${c.id} figure`).locator(DRAWING);
			await expect(drawing).toHaveCount(1);
			const box = await drawing.boundingBox();
			expect(box?.width ?? 0, c.id).toBeGreaterThan(100);
			// A picture has shapes; a reading chapter's graphic has the argument's words.
			const shapes = await drawing.locator('rect, path, circle').count();
			const words = ((await drawing.textContent()) ?? '').trim().split(/\s+/).length;
			expect(shapes > 3 || words > 10, `${c.id}: ${shapes} shapes, ${words} words`).toBe(true);
		}
	});
});

for (const [width, height] of [
	[390, 844],
	[1440, 900]
] as const)
	test(`no horizontal overflow at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await page.goto('/');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
