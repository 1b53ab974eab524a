import { passGate } from '../support/gate';
import { started, webFacesIn } from '../support/page';
import { expect, test, type Page } from '@playwright/test';

/*
 * The reading page holds still as it is read with a wheel, and watches itself with one observer
 * and one set of listeners. How fast it does so is the bench's business (npm run bench); these
 * check what can be checked without a clock.
 */

const PHONE = {
	viewport: { width: 390, height: 844 },
	deviceScaleFactor: 2,
	isMobile: true,
	hasTouch: true
};

type Steady = { shifts: number[]; observers: number };

/**
 * Records every layout shift, and how many IntersectionObservers ever watched a chapter's section
 * (the chapters waking and the scenes building; the framework's link preloading watches links).
 */
function watchPage() {
	const w = window as unknown as { __steady: Steady };
	w.__steady = { shifts: [], observers: 0 };
	const seen = new WeakSet<IntersectionObserver>();
	const observe = IntersectionObserver.prototype.observe;
	IntersectionObserver.prototype.observe = function (this: IntersectionObserver, el: Element) {
		if (el.matches('section.chapter') && !seen.has(this)) {
			seen.add(this);
			w.__steady.observers++;
		}
		return observe.call(this, el);
	};
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & {
			value: number;
			hadRecentInput: boolean;
		})[])
			if (!e.hadRecentInput) w.__steady.shifts.push(e.value);
	}).observe({ type: 'layout-shift', buffered: true });
}

const read = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { __steady: { shifts: number[]; observers: number } }).__steady
	);

/** Wheel ticks (at most 250 px) until step `id` sits in the middle of the screen. */
async function wheelTo(page: Page, id: string) {
	for (let i = 0; i < 200; i++) {
		const d = await page.evaluate((id) => {
			const r = document.getElementById(id)!.getBoundingClientRect();
			return r.top + r.height / 2 - innerHeight / 2;
		}, id);
		if (Math.abs(d) < 40) return;
		await page.mouse.wheel(0, Math.max(-250, Math.min(250, Math.round(d))));
		await page.waitForTimeout(60);
	}
}

test.use(PHONE);

test.beforeEach(async ({ page }) => {
	await passGate(page);
	await page.addInitScript(watchPage);
});

test('In their own words holds still on a phone: read with a wheel, resting on each step, it shifts by no more than 0.01', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/#own-words');
	await started(page);
	await webFacesIn(page);
	await page.mouse.move(195, 422);
	const steps = await page
		.locator('#own-words [data-step]')
		.evaluateAll((els) => els.map((e) => e.id));
	expect(steps.length).toBeGreaterThan(3);
	const graphic = page.locator('#own-words [data-graphic="voices"]');
	const before = (await read(page)).shifts.length;
	for (const id of steps) {
		await wheelTo(page, id);
		// The graphic has reached the step, then the reader rests on it while its lines settle.
		await expect(graphic).toHaveAttribute('data-graphic-step', id);
		await page.waitForTimeout(1200);
	}
	const shifts = (await read(page)).shifts.slice(before);
	const cls = shifts.reduce((a, v) => a + v, 0);
	expect(cls, `shifts: ${shifts.map((v) => v.toFixed(4)).join(', ')}`).toBeLessThanOrEqual(0.01);
});

test('the scenes run on the page’s own scroll engine and one IntersectionObserver: no ScrollTrigger is loaded', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await started(page);
	await page.mouse.move(195, 422);
	// Through the first chapters (their scenes built, GSAP loaded), to In their own words.
	const steps = await page
		.locator('[data-step]')
		.evaluateAll((els) =>
			els.slice(0, els.findIndex((e) => e.closest('#own-words')) + 1).map((e) => e.id)
		);
	for (const id of steps) await wheelTo(page, id);
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					(window as unknown as { __strangers?: { scenes?: { loaded: boolean } } }).__strangers
						?.scenes?.loaded
			)
		)
		.toBe(true);
	const scripts = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.map((e) => e.name)
			.filter((u) => /\.m?js(\?|$)/.test(u) && u.startsWith(location.origin))
	);
	expect(scripts.length).toBeGreaterThan(0);
	for (const url of scripts) {
		const text = await (await page.request.get(url)).text();
		// ScrollTrigger's own code names its pin spacers; GSAP's core only mentions the plugin.
		expect(text.includes('pin-spacer'), `${url} holds ScrollTrigger`).toBe(false);
	}
	expect((await read(page)).observers, 'IntersectionObservers that watched a chapter section').toBe(
		1
	);
});
