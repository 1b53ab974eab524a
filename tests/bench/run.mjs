#!/usr/bin/env node
// `npm run bench`: builds the site, serves build/ on PORT (default 4305), measures DESIGN §6 in
// Chromium and Lighthouse, prints one `name: value unit (budget …) ok|FAIL` line per figure and
// writes every figure to bench-results/latest.json (plus a timestamped copy).
// Exit code 0 even when a budget fails; 1 only when measuring itself failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { startServer } from './serve.mjs';
import {
	lazyThreeChunks,
	measureFirstLoad,
	measureLcp,
	measureScroll,
	openBrowser,
	PHONE
} from './measure.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { PASSES, scrollPass, shiftSources } from './passes.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
// BENCH_BUILD measures another build (an earlier one kept for a before/after) without building.
const BUILD = process.env.BENCH_BUILD ? resolve(process.env.BENCH_BUILD) : join(ROOT, 'build');
const PORT = Number(process.env.PORT ?? 4305);
// `npm run bench -- --scroll-only` (or BENCH_SCROLL_ONLY=1): the four scroll passes alone, which
// take minutes where the whole bench takes a quarter of an hour.
const SCROLL_ONLY = process.argv.includes('--scroll-only') || !!process.env.BENCH_SCROLL_ONLY;
const ORIGIN = `http://localhost:${PORT}`;
const started = Date.now();
const log = (msg) =>
	process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);

/** Each figure: name, value (number or null for n/a), unit, budget, and why when n/a. */
const figures = [];
const details = {};
let measuringFailed = false;

function figure(name, value, unit, budget, note) {
	const ok =
		value === null || value === undefined || Number.isNaN(value)
			? null
			: budget.op === '<='
				? value <= budget.limit
				: budget.op === '>='
					? value >= budget.limit
					: value === budget.limit;
	figures.push({
		name,
		value: ok === null ? null : value,
		unit,
		budget: `${{ '<=': '≤', '>=': '≥', '==': '=' }[budget.op]} ${budget.limit}${budget.unit ? ' ' + budget.unit : ''}`,
		ok,
		note: note ?? null
	});
}

/** Runs one measurement; a failure becomes n/a lines and a non-zero exit, not a crash. */
async function step(label, names, fn) {
	log(label);
	try {
		await fn();
	} catch (e) {
		measuringFailed = true;
		const reason = `measuring failed: ${(e?.message ?? String(e)).split('\n')[0]}`;
		log(`${label}: ${reason}`);
		for (const [name, unit, budget] of names) figure(name, null, unit, budget, reason);
	}
}

const KB = (bytes) => Math.round((bytes / 1024) * 10) / 10;

// ---------------------------------------------------------------- build
if (!process.argv.includes('--no-build') && !process.env.BENCH_BUILD) {
	log('npm run build');
	const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
	if (build.status !== 0) {
		process.stderr.write(build.stdout + build.stderr);
		console.error('bench: the build failed, nothing to measure');
		process.exit(1);
	}
}

// A host serves its compressed copies from cache: every file is compressed before the first
// request, in both encodings, so no measured load waits for (or shares the CPU with) compression.
const server = await startServer({ root: BUILD, port: PORT, warm: ['br', 'gzip'] });
log(`serving build/ at ${ORIGIN}`);

// ---------------------------------------------------------------- Lighthouse (first, on a quiet machine)
// Median of LH_RUNS runs (default 3): one Lighthouse run on a shared machine swings by 10 points.
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);
const median = (xs) => {
	const s = xs.filter((x) => x != null).sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const LH = [
	['performance', 95],
	['accessibility', 100],
	['best-practices', 100],
	['seo', 100]
];
const LH_METRICS = [
	['lighthouse-fcp', 'fcpMs', 1.5],
	['lighthouse-lcp', 'lcpMs', 2.0],
	['lighthouse-tbt', 'tbtMs', 150],
	['lighthouse-speed-index', 'speedIndexMs', 3.4]
];
const lhUnit = (name) => (name === 'lighthouse-tbt' ? 'ms' : 's');
if (!SCROLL_ONLY)
	await step(
		`Lighthouse mobile on / (median of ${LH_RUNS})`,
		[
			...LH.map(([c, limit]) => [`lighthouse-${c}`, '/100', { op: '>=', limit }]),
			...LH_METRICS.map(([name, , limit]) => [
				name,
				lhUnit(name),
				{ op: '<=', limit, unit: lhUnit(name) }
			])
		],
		async () => {
			// A run that fails (a protocol timeout on a loaded machine) is retried, up to two more.
			const runs = [];
			let lastError;
			for (let i = 0; runs.length < LH_RUNS && i < LH_RUNS + 2; i++) {
				try {
					runs.push(await runLighthouse(`${ORIGIN}/`));
					log(`  Lighthouse run ${i + 1}: performance ${runs.at(-1).scores.performance}`);
				} catch (e) {
					lastError = e;
					log(`  Lighthouse run ${i + 1} failed: ${(e?.message ?? String(e)).split('\n')[0]}`);
				}
			}
			if (runs.length < LH_RUNS) throw lastError;
			// The run whose performance score is the median speaks for the non-numeric notes.
			const byPerf = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
			const mid = byPerf[byPerf.length >> 1];
			details.lighthouse = { median: mid, runs };
			const perRun = (get) => runs.map(get).join(' / ');
			for (const [c, limit] of LH) {
				figure(
					`lighthouse-${c}`,
					median(runs.map((r) => r.scores[c])),
					'/100',
					{ op: '>=', limit },
					[
						`runs ${perRun((r) => r.scores[c])}`,
						mid.failing[c]?.length ? `below 1: ${mid.failing[c].join(', ')}` : ''
					]
						.filter(Boolean)
						.join('; ')
				);
			}
			for (const [name, key, limit] of LH_METRICS) {
				const unit = lhUnit(name);
				const toUnit = (ms) =>
					ms == null ? null : unit === 's' ? Math.round(ms / 10) / 100 : Math.round(ms);
				figure(
					name,
					toUnit(median(runs.map((r) => r.metrics[key]))),
					unit,
					{ op: '<=', limit, unit },
					`runs ${perRun((r) => toUnit(r.metrics[key]))}${name === 'lighthouse-speed-index' ? "; budget: Lighthouse's own mobile 'good' threshold" : ''}`
				);
			}
		}
	);

const browser = await openBrowser();
try {
	if (!SCROLL_ONLY) await theRest();
	await scrollPasses();
} finally {
	await browser.close();
	server.close();
}

async function theRest() {
	// ------------------------------------------------------------ JS and fonts of the first load
	let firstLoad;
	await step(
		'first load of / (JS until load + idle)',
		[['first-load-js', 'KB', { op: '<=', limit: 100, unit: 'KB' }]],
		async () => {
			firstLoad = await measureFirstLoad(browser, ORIGIN, BUILD);
			details.firstLoad = firstLoad;
			figure(
				'first-load-js',
				KB(firstLoad.jsGzip),
				'KB',
				{ op: '<=', limit: 100, unit: 'KB' },
				firstLoad.threeInFirstLoad.length
					? `three.js is in the first load: ${firstLoad.threeInFirstLoad.join(', ')}`
					: `${firstLoad.js.length} files, gzip -9 of build/ files; plus ${KB(firstLoad.inlineScriptGzip)} KB gzip of inline <script> in the HTML (not counted)`
			);
		}
	);

	// ------------------------------------------------------------ scroll: CLS, long tasks, rAF, starfield, fonts, lazy JS
	const scrollNames = [
		['cls-full-scroll', '', { op: '<=', limit: 0.01 }],
		['long-tasks-scroll-and-finale', 'tasks', { op: '<=', limit: 0 }],
		['raf-interval-p50', 'ms', { op: '<=', limit: 16.7, unit: 'ms' }],
		['raf-interval-p95', 'ms', { op: '<=', limit: 33.4, unit: 'ms' }],
		['fonts-woff2', 'KB', { op: '<=', limit: 150, unit: 'KB' }],
		['finale-lazy-js', 'KB', { op: '<=', limit: 170, unit: 'KB' }],
		['starfield-stars', 'stars', { op: '>=', limit: 50000 }],
		['starfield-draw-calls', 'calls', { op: '==', limit: 1 }],
		['starfield-frame-time', 'ms', { op: '<=', limit: 16.7, unit: 'ms' }]
	];
	await step('scripted full scroll of /', scrollNames, async () => {
		const s = await measureScroll(browser, ORIGIN, BUILD, firstLoad?.urls ?? []);
		details.scroll = s;
		figure(
			'cls-full-scroll',
			Math.round(s.cls * 10000) / 10000,
			'',
			{ op: '<=', limit: 0.01 },
			`1280×800; sum of ${s.shifts.length} shift(s) without recent input, load to end of scroll; largest session window ${s.clsWindow.toFixed(4)}`
		);
		const allLong = [...s.longTasks, ...s.finaleLongTasks];
		figure(
			'long-tasks-scroll-and-finale',
			allLong.length,
			'tasks',
			{ op: '<=', limit: 0 },
			allLong.length
				? `${s.longTasks.length} in the ${(s.scrollMs / 1000).toFixed(1)} s scroll (hand-over included), ${s.finaleLongTasks.length} in ${(s.finaleMs / 1000).toFixed(0)} s at the finale; longest ${Math.max(...allLong.map((t) => t.duration)).toFixed(0)} ms, total ${allLong.reduce((a, t) => a + t.duration, 0).toFixed(0)} ms`
				: `${s.frames} frames over a ${(s.scrollMs / 1000).toFixed(1)} s scroll (hand-over included), then ${(s.finaleMs / 1000).toFixed(0)} s at the finale`
		);
		figure('raf-interval-p50', s.raf.p50, 'ms', { op: '<=', limit: 16.7, unit: 'ms' });
		figure(
			'raf-interval-p95',
			s.raf.p95,
			'ms',
			{ op: '<=', limit: 33.4, unit: 'ms' },
			'budget: no worse than every other frame at 60 Hz (DESIGN §6 sets no figure; derived)'
		);
		figure(
			'fonts-woff2',
			KB(s.fonts.reduce((a, f) => a + f.bytes, 0)),
			'KB',
			{ op: '<=', limit: 150, unit: 'KB' },
			`${s.fonts.length} file(s) loaded through load and a full scroll`
		);
		// The lazy chunk: what the finale loads when it nears, checked to be three.js.
		const staticThree = lazyThreeChunks(BUILD);
		details.threeChunks = staticThree;
		// GSAP is lazy too (loaded on the first scroll, src/lib/scenes/gsap.ts): not the finale's.
		const finaleJs = s.lazyJs.filter((f) => f.three || !f.gsap);
		const gsapJs = s.lazyJs.filter((f) => f.gsap && !f.three);
		if (finaleJs.some((f) => f.three)) {
			figure(
				'finale-lazy-js',
				KB(finaleJs.reduce((a, f) => a + f.gzip, 0)),
				'KB',
				{ op: '<=', limit: 170, unit: 'KB' },
				`loaded near the finale: ${finaleJs.map((f) => `${f.file} ${KB(f.gzip)} KB`).join(', ')}; GSAP, lazy on first scroll, not counted: ${KB(gsapJs.reduce((a, f) => a + f.gzip, 0))} KB`
			);
		} else if (staticThree.length) {
			figure(
				'finale-lazy-js',
				KB(staticThree.reduce((a, f) => a + f.gzip, 0)),
				'KB',
				{ op: '<=', limit: 170, unit: 'KB' },
				`static: chunks with WebGLRenderer (${staticThree.map((f) => f.file).join(', ')}); none was loaded during the scroll`
			);
		} else {
			figure(
				'finale-lazy-js',
				null,
				'KB',
				{ op: '<=', limit: 170, unit: 'KB' },
				'n/a: no chunk in build/_app/immutable contains three.js (WebGLRenderer); the starfield has not landed'
			);
		}
		const sf = s.starfield;
		const why = sf.reason;
		figure(
			'starfield-stars',
			sf.stars,
			'stars',
			{ op: '>=', limit: 50000 },
			sf.stars == null
				? `n/a: ${why}`
				: `${sf.starsNow != null ? `${sf.starsNow} after adapting; ` : ''}${sf.level != null ? `level ${sf.level} (0 = full); ` : ''}renderer ${sf.renderer ?? '?'}; via ${sf.via}`
		);
		figure(
			'starfield-draw-calls',
			sf.drawCalls,
			'calls',
			{ op: '==', limit: 1 },
			sf.drawCalls == null ? `n/a: ${why}` : undefined
		);
		figure(
			'starfield-frame-time',
			sf.frameMs == null ? null : Math.round(sf.frameMs * 10) / 10,
			'ms',
			{ op: '<=', limit: 16.7, unit: 'ms' },
			sf.frameMs == null
				? `n/a: ${why}; rAF p50 at the finale ${sf.rafAtFinale.toFixed(1)} ms`
				: `rAF p50 at the finale ${sf.rafAtFinale.toFixed(1)} ms (software WebGL)`
		);
	});

	// ------------------------------------------------------------ CLS on a phone
	await step(
		'scripted full scroll of / on a phone',
		[['cls-full-scroll-phone', '', { op: '<=', limit: 0.01 }]],
		async () => {
			const s = await measureScroll(browser, ORIGIN, BUILD, [], PHONE);
			details.scrollPhone = {
				cls: s.cls,
				clsWindow: s.clsWindow,
				shifts: s.shifts,
				errors: s.errors
			};
			figure(
				'cls-full-scroll-phone',
				Math.round(s.cls * 10000) / 10000,
				'',
				{ op: '<=', limit: 0.01 },
				`412×823; sum of ${s.shifts.length} shift(s); largest session window ${s.clsWindow.toFixed(4)}`
			);
		}
	);

	// ------------------------------------------------------------ LCP with JS ÷ without
	await step(
		'LCP of / with and without JavaScript (2 runs each)',
		[['lcp-js-ratio', '×', { op: '<=', limit: 1.1 }]],
		async () => {
			const withJs = await measureLcp(browser, ORIGIN, true, 2);
			const withoutJs = await measureLcp(browser, ORIGIN, false, 2);
			const a = median(withJs);
			const b = median(withoutJs);
			details.lcp = { withJs, withoutJs, medianWithJs: a, medianWithoutJs: b };
			figure(
				'lcp-js-ratio',
				Math.round((a / b) * 100) / 100,
				'×',
				{ op: '<=', limit: 1.1 },
				`median ${a.toFixed(0)} ms with JS ÷ ${b.toFixed(0)} ms without (4× CPU, 1.6 Mbps / 150 ms RTT)`
			);
		}
	);
}

// ---------------------------------------------------------------- the four scroll passes
// Laptop and phone, brisk and reading, each at 1× and with the CPU slowed 4×: CLS ≤ 0.01 in
// every pass, no long task at 1×, none over 100 ms at 4×.
async function scrollPasses() {
	details.passes = [];
	for (const [viewport, kind] of PASSES) {
		const name = `scroll-${viewport.name}-${kind}`;
		await step(
			`${name} (wheel; 1× then 4× CPU)`,
			[
				[`${name}-cls`, '', { op: '<=', limit: 0.01 }],
				[`${name}-long-tasks-1x`, 'tasks', { op: '<=', limit: 0 }],
				[`${name}-longest-task-4x`, 'ms', { op: '<=', limit: 100, unit: 'ms' }]
			],
			async () => {
				const one = await scrollPass(browser, ORIGIN, viewport, kind, 1);
				const four = await scrollPass(browser, ORIGIN, viewport, kind, 4);
				for (const p of [one, four]) {
					details.passes.push({ ...p, sources: shiftSources(p, 12) });
					if (p.errors.length) log(`  ${name} ${p.rate}×: page errors: ${p.errors.join('; ')}`);
				}
				const where = (p) => {
					const s = shiftSources(p, 3);
					return s.length ? `; from ${s.join(', ')}` : '';
				};
				const round = (v) => Math.round(v * 10000) / 10000;
				const size = `${viewport.device.viewport.width}×${viewport.device.viewport.height}`;
				const how = kind === 'reading' ? `${one.rests} steps rested on` : 'wheel 250 px / 60 ms';
				figure(
					`${name}-cls`,
					round(Math.max(one.cls, four.cls)),
					'',
					{ op: '<=', limit: 0.01 },
					`${size}, ${how}; sum of every shift: ${round(one.cls)} (${one.shifts.length}) at 1×, ${round(four.cls)} (${four.shifts.length}) at 4×${where(one.cls >= four.cls ? one : four)}`
				);
				figure(
					`${name}-long-tasks-1x`,
					one.longTasks.length,
					'tasks',
					{ op: '<=', limit: 0 },
					`${one.seconds} s; longest ${one.longest.toFixed(0)} ms`
				);
				figure(
					`${name}-longest-task-4x`,
					Math.round(four.longest),
					'ms',
					{ op: '<=', limit: 100, unit: 'ms' },
					`${four.longTasks.length} long task(s) in ${four.seconds} s, ${four.longTasks.filter((t) => t.duration > 100).length} over 100 ms`
				);
			}
		);
	}
}

// ---------------------------------------------------------------- report
const fmt = (v) => (v === null ? 'n/a' : String(v));
const lines = figures.map((f) => {
	const value = `${fmt(f.value)}${f.value !== null && f.unit ? ' ' + f.unit : ''}`;
	const verdict = f.ok === null ? '' : f.ok ? ' ok' : ' FAIL';
	const note = f.note?.replace(/^n\/a: /, '');
	return `${f.name}: ${value} (budget ${f.budget})${verdict}${note ? ` — ${note}` : ''}`;
});
console.log(lines.join('\n'));
const failed = figures.filter((f) => f.ok === false).map((f) => f.name);
const na = figures.filter((f) => f.ok === null).map((f) => f.name);
console.log(
	`\n${figures.length - failed.length - na.length} ok, ${failed.length} over budget${failed.length ? ` (${failed.join(', ')})` : ''}, ${na.length} n/a; ${((Date.now() - started) / 1000).toFixed(0)} s`
);

const load = loadavg().map((x) => Math.round(x * 10) / 10);
const cores = availableParallelism();
console.log(
	`machine: ${cores} cores, load average ${load.join(' / ')}${load[0] > cores ? ' — busy: timings (Lighthouse performance, long tasks, frame times, LCP) are inflated; re-run on a quiet machine' : ''}`
);
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
const out = {
	date: new Date().toISOString(),
	commit: commit.stdout.trim() || null,
	node: process.version,
	machine: { cores, loadavg: load },
	seconds: Math.round((Date.now() - started) / 1000),
	figures,
	details
};
const dir = join(ROOT, 'bench-results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), JSON.stringify(out, null, '\t') + '\n');
writeFileSync(
	join(dir, `${out.date.replace(/[:.]/g, '-')}.json`),
	JSON.stringify(out, null, '\t') + '\n'
);
log('wrote bench-results/latest.json');
process.exit(measuringFailed ? 1 : 0);
