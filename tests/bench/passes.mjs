// The four scroll passes of `npm run bench`: the page read the way a reader reads it, with a
// wheel, on a laptop (1280×800) and on a phone (390×844, touch, 2× pixels):
//   brisk:   a wheel tick of 250 px every 60 ms from the top to the end;
//   reading: the wheel brings each step to the middle of the screen, then rests on it 1.5 s.
// Each pass runs with the CPU at 1× and again slowed 4× (CDP Emulation.setCPUThrottlingRate, as
// Lighthouse does for a phone). CLS is the sum of every shift (not the largest session window);
// each shift keeps the nodes it moved, so a figure over budget says where to look.

/** @typedef {{ name: string, device: object }} Viewport */
export const LAPTOP = { name: 'laptop', device: { viewport: { width: 1280, height: 800 } } };
export const PHONE_390 = {
	name: 'phone',
	device: {
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true
	}
};

const TICK_PX = 250;
const TICK_MS = 60;
const REST_MS = Number(process.env.BENCH_REST_MS ?? 1500);

/** Records every layout shift (with the nodes it moved) and every long task from the start. */
function observe() {
	const b = { shifts: [], longTasks: [] };
	window.__passes = b;
	const describe = (node) => {
		if (!(node instanceof Element)) return node?.nodeName ?? '?';
		const chapter = node.closest('[data-chapter], [id]');
		const cls = typeof node.className === 'string' ? node.className.split(/\s+/)[0] : '';
		const data = [...node.attributes]
			.filter((a) => a.name.startsWith('data-'))
			.map((a) => a.name)
			.slice(0, 2)
			.join(',');
		return `${node.tagName.toLowerCase()}${cls ? '.' + cls : ''}${data ? `[${data}]` : ''} in #${chapter?.id || chapter?.getAttribute('data-chapter') || '?'}`;
	};
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				b.shifts.push({
					value: e.value,
					recent: e.hadRecentInput,
					t: e.startTime,
					y: window.scrollY,
					sources: (e.sources ?? []).map((s) => describe(s.node))
				});
		}).observe({ type: 'layout-shift', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.longTasks.push({ t: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// No such entry types: the figures read as zero.
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wheel ticks of `TICK_PX` every `TICK_MS` to the end of the page. */
async function brisk(page) {
	const bottom = () =>
		page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - innerHeight]);
	for (let i = 0; i < 2000; i++) {
		const [y, end] = await bottom();
		if (y >= end - 1) break;
		const t = Date.now();
		await page.mouse.wheel(0, TICK_PX);
		await sleep(Math.max(0, TICK_MS - (Date.now() - t)));
	}
}

/** Each step brought to the middle with wheel ticks, then a rest of `REST_MS` on it. */
async function reading(page) {
	const count = await page.evaluate(() => document.querySelectorAll('[data-step]').length);
	let rests = 0;
	for (let i = 0; i < count; i++) {
		for (let tries = 0; tries < 200; tries++) {
			const delta = await page.evaluate((i) => {
				const el = document.querySelectorAll('[data-step]')[i];
				if (!el) return 0;
				const r = el.getBoundingClientRect();
				const d = r.top + r.height / 2 - innerHeight / 2;
				const room = document.documentElement.scrollHeight - innerHeight - scrollY;
				return Math.min(d, room);
			}, i);
			if (delta < 40) break;
			await page.mouse.wheel(0, Math.min(TICK_PX, Math.round(delta)));
			await sleep(TICK_MS);
		}
		await sleep(REST_MS);
		rests++;
	}
	return rests;
}

/**
 * One pass: a fresh page at `viewport`, loaded and idle, then `kind` ('brisk' | 'reading') with
 * the CPU slowed `rate`×. Returns CLS (sum), its shifts with sources, and the long tasks.
 */
export async function scrollPass(browser, origin, viewport, kind, rate) {
	const context = await browser.newContext(viewport.device);
	// A reader who has pressed the spoiler gate's button this session: behind the gate the story
	// is not laid out yet, and a pass there measures nothing.
	await context.addInitScript(() => sessionStorage.setItem('strangers:spoilers', 'seen'));
	await context.addInitScript(observe);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await page.waitForTimeout(1500);
	await page.evaluate(
		() =>
			new Promise((r) =>
				'requestIdleCallback' in window ? requestIdleCallback(() => r(), { timeout: 3000 }) : r()
			)
	);
	// The pointer over the reading column, where a reader's hand is.
	const { width, height } = viewport.device.viewport;
	await page.mouse.move(width / 2, height / 2);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
	const start = await page.evaluate(() => performance.now());
	const t0 = Date.now();
	const rests = kind === 'reading' ? await reading(page) : (await brisk(page), 0);
	await sleep(kind === 'reading' ? 0 : 1000);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	const b = await page.evaluate(() => window.__passes);
	await context.close();
	const shifts = b.shifts.filter((s) => !s.recent);
	const longTasks = b.longTasks.filter((t) => t.t >= start);
	return {
		viewport: viewport.name,
		kind,
		rate,
		seconds: Math.round((Date.now() - t0) / 100) / 10,
		rests,
		cls: shifts.reduce((a, s) => a + s.value, 0),
		clsBeforeScroll: shifts.filter((s) => s.t < start).reduce((a, s) => a + s.value, 0),
		shifts,
		longTasks,
		longest: longTasks.reduce((a, t) => Math.max(a, t.duration), 0),
		errors
	};
}

/** Where the shifts of a pass came from: sources summed by their share of the CLS, largest first. */
export function shiftSources(pass, top = 6) {
	const by = new Map();
	for (const s of pass.shifts) {
		const names = [...new Set(s.sources)];
		for (const n of names) by.set(n, (by.get(n) ?? 0) + s.value / Math.max(1, names.length));
	}
	return [...by]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([n, v]) => `${n} ${v.toFixed(3)}`);
}

export const PASSES = [
	[LAPTOP, 'brisk'],
	[LAPTOP, 'reading'],
	[PHONE_390, 'brisk'],
	[PHONE_390, 'reading']
];
