// The in-browser measurements of `npm run bench` (Playwright driving the system Chromium).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium } from '@playwright/test';
import { gzipSize, resolveFile } from './serve.mjs';

/** Same order as tests/support/chromium.ts (which is TypeScript, so not importable here). */
export function chromiumPath() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	const found = [
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable'
	].find((p) => existsSync(p));
	if (!found) throw new Error('no Chromium found; set CHROMIUM_PATH');
	return found;
}

/** A phone, as Lighthouse's mobile run sees one (Moto G Power). */
export const PHONE = {
	viewport: { width: 412, height: 823 },
	deviceScaleFactor: 1.75,
	isMobile: true,
	hasTouch: true
};

export function openBrowser() {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: [
			'--no-sandbox',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-quic',
			'--no-first-run',
			'--disable-dev-shm-usage',
			'--enable-unsafe-swiftshader',
			'--ignore-gpu-blocklist'
		]
	});
}

const VIEWPORT = { width: 1280, height: 800 };
const THREE_MARK = /WebGLRenderer|WebGLRenderTarget/;

function listJs(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile() && d.name.endsWith('.js'))
		.map((d) => join(d.parentPath ?? d.path, d.name));
}

/** Chunks in build/ that carry three.js, with their gzip sizes. */
export function lazyThreeChunks(build) {
	return listJs(join(build, '_app/immutable'))
		.map((path) => ({ path, text: readFileSync(path) }))
		.filter(({ text }) => THREE_MARK.test(text.toString('latin1')))
		.map(({ path, text }) => ({ file: relative(build, path), gzip: gzipSize(text) }));
}

/** Size facts about a same-origin URL, read from the file build/ serves for it. */
function fileFacts(build, origin, url) {
	if (!url.startsWith(origin)) return undefined;
	const path = resolveFile(build, new URL(url).pathname);
	if (!path) return undefined;
	const buf = readFileSync(path);
	return {
		file: relative(build, path),
		bytes: buf.length,
		gzip: gzipSize(buf),
		three: THREE_MARK.test(buf.toString('latin1')),
		gsap: /ScrollTrigger|_gsap/.test(buf.toString('latin1'))
	};
}

/** Waits until no request has been in flight for `quietMs`, at most `maxMs`. */
async function networkQuiet(page, quietMs = 800, maxMs = 10_000) {
	let inflight = 0;
	let last = Date.now();
	const on = () => {
		inflight++;
		last = Date.now();
	};
	const off = () => {
		inflight = Math.max(0, inflight - 1);
		last = Date.now();
	};
	page.on('request', on);
	page.on('requestfinished', off);
	page.on('requestfailed', off);
	const end = Date.now() + maxMs;
	while (Date.now() < end && (inflight > 0 || Date.now() - last < quietMs)) {
		await page.waitForTimeout(100);
	}
	page.off('request', on);
	page.off('requestfinished', off);
	page.off('requestfailed', off);
}

async function idle(page) {
	await page.evaluate(
		() =>
			new Promise((r) =>
				'requestIdleCallback' in window ? requestIdleCallback(() => r(), { timeout: 3000 }) : r()
			)
	);
}

/** JS requested by `/` through load and idle, sized by gzipping the files in build/. */
export async function measureFirstLoad(browser, origin, build) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	const urls = [];
	page.on('request', (r) => urls.push(r.url()));
	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await networkQuiet(page);
	await idle(page);
	await networkQuiet(page, 500);
	const js = [...new Set(urls)]
		.filter((u) => /\.m?js(\?|$)/.test(u))
		.map((u) => ({ url: u, ...fileFacts(build, origin, u) }));
	const foreign = urls.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
	const inlineScripts = await page.evaluate(() =>
		[...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '')
	);
	await context.close();
	return {
		urls: [...new Set(urls)],
		js,
		jsGzip: js.reduce((a, f) => a + (f.gzip ?? 0), 0),
		inlineScriptGzip: gzipSize(Buffer.from(inlineScripts.join('\n'))),
		threeInFirstLoad: js.filter((f) => f.three).map((f) => f.file),
		foreign
	};
}

const percentile = (xs, p) => {
	if (!xs.length) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10;
};

/**
 * Loads `/`, waits for idle, then scrolls to the end at a steady pace (one step per frame),
 * recording layout shifts, long tasks, rAF intervals, fonts, the JS loaded on the way, and
 * what the starfield says about itself at the end.
 */
export async function measureScroll(
	browser,
	origin,
	build,
	firstLoadUrls,
	device = { viewport: VIEWPORT }
) {
	const context = await browser.newContext(device);
	await context.addInitScript(() => {
		const b = { shifts: [], longTasks: [] };
		window.__bench = b;
		try {
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					b.shifts.push({ value: e.value, recent: e.hadRecentInput, t: e.startTime });
			}).observe({ type: 'layout-shift', buffered: true });
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					b.longTasks.push({ t: e.startTime, duration: e.duration });
			}).observe({ type: 'longtask', buffered: true });
		} catch {
			// An old browser without these entry types: the figures read as zero.
		}
	});
	// Count draw calls and point vertices per frame from outside, for a starfield that exposes no stats.
	await context.addInitScript(() => {
		const gl = {
			frames: [],
			current: { calls: 0, points: 0, vertices: 0, draws: [] },
			first: null
		};
		window.__benchGl = gl;
		const tick = () => {
			if (gl.current.calls) {
				gl.first ??= gl.current;
				gl.frames.push(gl.current);
			}
			if (gl.frames.length > 600) gl.frames.shift();
			gl.current = { calls: 0, points: 0, vertices: 0, draws: [] };
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
		for (const proto of [
			globalThis.WebGLRenderingContext?.prototype,
			globalThis.WebGL2RenderingContext?.prototype
		]) {
			if (!proto) continue;
			for (const name of [
				'drawArrays',
				'drawElements',
				'drawArraysInstanced',
				'drawElementsInstanced'
			]) {
				const original = proto[name];
				if (!original) continue;
				proto[name] = function (mode, a, b, c, d) {
					gl.current.calls++;
					const count = name.startsWith('drawArrays') ? b : a;
					const instances = name.endsWith('Instanced')
						? name === 'drawArraysInstanced'
							? c
							: d
						: 1;
					gl.current.vertices += count * instances;
					if (mode === 0) gl.current.points += count * instances;
					if (gl.current.draws.length < 8) gl.current.draws.push([mode, count * instances]);
					return original.call(this, mode, a, b, c, d);
				};
			}
		}
	});
	const page = await context.newPage();
	const urls = [];
	const errors = [];
	page.on('request', (r) => urls.push(r.url()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await networkQuiet(page);
	await idle(page);

	const run = await page.evaluate(async () => {
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		await frame();
		const start = performance.now();
		const intervals = [];
		let last = start;
		let frames = 0;
		const step = Math.round(window.innerHeight / 8); // ~6000 px/s at 60 Hz: a brisk read
		const bottom = () => document.documentElement.scrollHeight - window.innerHeight;
		while (window.scrollY < bottom() - 1 && frames < 8000 && performance.now() - start < 90_000) {
			window.scrollBy(0, step);
			await frame();
			const now = performance.now();
			intervals.push(now - last);
			last = now;
			frames++;
		}
		const scrollEnd = performance.now();
		// Linger 3 s at the finale: the starfield loads, starts and adapts its quality.
		const finale = [];
		let t = performance.now();
		while (performance.now() - scrollEnd < 3000) {
			await frame();
			const now = performance.now();
			finale.push(now - t);
			t = now;
		}
		return { start, scrollEnd, finaleEnd: performance.now(), intervals, frames, finale };
	});
	await networkQuiet(page, 500, 5000);

	const probe = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		const b = w.__bench;
		const el = document.querySelector('[data-starfield]');
		const fallback = !!document.querySelector('[data-starfield-fallback]');
		let stats = null;
		let via = null;
		for (const [name, get] of [
			['window.__strangers.starfield.stats()', () => w.__strangers?.starfield?.stats?.()],
			['window.__strangers.starfield', () => w.__strangers?.starfield],
			['window.__starfield.stats()', () => w.__starfield?.stats?.()]
		]) {
			try {
				const v = get();
				if (v && typeof v === 'object' && 'stars' in v) {
					stats = JSON.parse(JSON.stringify(v));
					via = name;
					break;
				}
			} catch {
				// try the next
			}
		}
		const holder = el?.closest('[data-stars]') ?? el;
		if (!stats && holder instanceof HTMLElement && holder.dataset.stars) {
			const d = holder.dataset;
			stats = {
				stars: Number(d.stars),
				drawCalls: d.drawCalls !== undefined ? Number(d.drawCalls) : null,
				frameMs: d.frameMs !== undefined ? Number(d.frameMs) : null,
				level: d.level !== undefined ? Number(d.level) : null,
				renderer: d.renderer ?? null
			};
			via = 'data-stars on [data-starfield]';
		}
		const glFrames = w.__benchGl?.frames ?? [];
		const recent = glFrames.slice(-60);
		if (!stats && recent.length) {
			const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
			const first = w.__benchGl.first;
			stats = {
				stars: first.points,
				starsNow: med(recent.slice(-10).map((f) => f.points)),
				drawCalls: med(recent.map((f) => f.calls)),
				firstFrameDraws: first.draws,
				lastFrameDraws: recent.at(-1).draws,
				framesWithMoreThanOneDraw: recent.filter((f) => f.calls > 1).length,
				frameMs: null,
				level: null,
				renderer: 'webgl'
			};
			via =
				'WebGL calls counted by the bench: points drawn in the first frame (full quality), median draw calls per frame';
		}
		return {
			shifts: b.shifts,
			longTasks: b.longTasks,
			canvas: !!el,
			fallback,
			stats,
			via,
			scrollHeight: document.documentElement.scrollHeight
		};
	});
	const fontEntries = await page.evaluate(() =>
		performance
			.getEntriesByType('resource')
			.filter((e) => e.name.endsWith('.woff2'))
			.map((e) => e.name)
	);
	await context.close();

	const shifts = probe.shifts.filter((s) => !s.recent);
	const cls = shifts.reduce((a, s) => a + s.value, 0);
	// The largest session window (gap < 1 s, window < 5 s), as web-vitals defines CLS.
	let clsWindow = 0;
	let current = 0;
	let first = -Infinity;
	let prev = -Infinity;
	for (const s of shifts) {
		if (s.t - prev > 1000 || s.t - first > 5000) {
			current = 0;
			first = s.t;
		}
		current += s.value;
		prev = s.t;
		clsWindow = Math.max(clsWindow, current);
	}
	const longTasks = probe.longTasks.filter((t) => t.t >= run.start && t.t < run.scrollEnd);
	const finaleLongTasks = probe.longTasks.filter(
		(t) => t.t >= run.scrollEnd && t.t < run.finaleEnd
	);
	const seen = new Set(firstLoadUrls);
	const lazyJs = [...new Set(urls)]
		.filter((u) => /\.m?js(\?|$)/.test(u) && !seen.has(u))
		.map((u) => ({ url: u, ...fileFacts(build, origin, u) }))
		.filter((f) => f.file);
	const fonts = [...new Set([...fontEntries, ...urls.filter((u) => u.endsWith('.woff2'))])]
		.map((u) => ({ url: u, ...fileFacts(build, origin, u) }))
		.filter((f) => f.file);

	const sf = probe.stats;
	let reason = null;
	if (!sf) {
		if (!probe.canvas && !probe.fallback)
			reason = 'no [data-starfield] canvas on / (the starfield has not landed on this build)';
		else if (probe.fallback) reason = 'the starfield fell back to [data-starfield-fallback]';
		else
			reason =
				'the starfield exposes no stats (looked for window.__strangers.starfield.stats() and data-stars on [data-starfield])';
	}
	return {
		cls,
		clsWindow,
		shifts,
		longTasks,
		finaleLongTasks,
		frames: run.frames,
		scrollStart: run.start,
		scrollMs: run.scrollEnd - run.start,
		finaleMs: run.finaleEnd - run.scrollEnd,
		raf: { p50: percentile(run.intervals, 50), p95: percentile(run.intervals, 95) },
		fonts,
		lazyJs,
		errors,
		scrollHeight: probe.scrollHeight,
		starfield: {
			via: probe.via,
			reason,
			stars: sf?.stars ?? null,
			starsNow: sf?.starsNow ?? null,
			raw: sf,
			drawCalls: sf?.drawCalls ?? null,
			frameMs: Number.isFinite(sf?.frameMs)
				? sf.frameMs
				: sf
					? percentile(run.finale.slice(Math.floor(run.finale.length / 2)), 50)
					: null,
			level: sf?.level ?? null,
			renderer: sf?.renderer ?? null,
			rafAtFinale: percentile(run.finale.slice(Math.floor(run.finale.length / 2)), 50)
		}
	};
}

/**
 * LCP of `/` in ms, `runs` times, through CDP's PerformanceTimeline (which works with page
 * scripts disabled), on a throttled mobile-like connection and CPU.
 */
export async function measureLcp(browser, origin, javaScriptEnabled, runs) {
	const out = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({
			javaScriptEnabled,
			viewport: { width: 412, height: 823 },
			deviceScaleFactor: 1.75,
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		const events = [];
		cdp.on('PerformanceTimeline.timelineEventAdded', (e) => events.push(e.event));
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 150,
			downloadThroughput: (1.6 * 1024 * 1024) / 8,
			uploadThroughput: (750 * 1024) / 8
		});
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await cdp.send('PerformanceTimeline.enable', { eventTypes: ['largest-contentful-paint'] });
		await page.goto(`${origin}/`, { waitUntil: 'load', timeout: 60_000 });
		await page.waitForTimeout(1500);
		const timeOrigin = await page.evaluate(() => performance.timeOrigin);
		const last = events.filter((e) => e.lcpDetails).at(-1);
		await context.close();
		if (!last) throw new Error(`no LCP entry (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
		const t = last.lcpDetails.renderTime || last.lcpDetails.loadTime || last.time;
		out.push(t * 1000 - timeOrigin);
	}
	return out;
}
