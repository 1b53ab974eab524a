// Lighthouse 12 (Node 20), programmatic: its default config is a mobile form factor with
// simulated throttling, which is what DESIGN §6 budgets.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumPath } from './measure.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function runLighthouse(url) {
	const chrome = await chromeLauncher.launch({
		chromePath: chromiumPath(),
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run'
		],
		logLevel: 'silent'
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: CATEGORIES
		});
		if (!result) throw new Error('Lighthouse returned no result');
		const { lhr } = result;
		if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
		const scores = {};
		const failing = {};
		for (const c of CATEGORIES) {
			const cat = lhr.categories[c];
			scores[c] = cat?.score == null ? null : Math.round(cat.score * 100);
			failing[c] = (cat?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0)
				.map((ref) => lhr.audits[ref.id])
				.filter((a) => a && a.score !== null && a.score < 1)
				.map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
		}
		const metric = (id) => lhr.audits[id]?.numericValue ?? null;
		const opportunities = Object.values(lhr.audits)
			.filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
			.map((a) => ({
				id: a.id,
				savingsMs: a.details.overallSavingsMs,
				items: (a.details.items ?? []).slice(0, 6).map((i) => i.url ?? i.node?.snippet ?? '')
			}));
		const lcpElement =
			lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node
				?.snippet ?? null;
		return {
			scores,
			opportunities,
			lcpElement,
			failing,
			metrics: {
				fcpMs: metric('first-contentful-paint'),
				lcpMs: metric('largest-contentful-paint'),
				tbtMs: metric('total-blocking-time'),
				cls: metric('cumulative-layout-shift'),
				speedIndexMs: metric('speed-index')
			},
			lighthouseVersion: lhr.lighthouseVersion,
			formFactor: lhr.configSettings.formFactor,
			throttlingMethod: lhr.configSettings.throttlingMethod
		};
	} finally {
		chrome.kill();
	}
}
