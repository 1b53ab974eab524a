import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { started } from '../support/page';

const has = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)));

test('printing / gives a clean linear handout', async ({ page }, testInfo) => {
	await page.goto('/');
	const headings = await page
		.locator('main section[id] h2')
		.evaluateAll((hs) => hs.map((h) => h.textContent!.trim()));
	expect(headings.length).toBeGreaterThan(3);

	// A browser asked to print fires beforeprint first (emulated media and page.pdf() do not): the
	// page, once its scripts run, brings in the stills and folded lists it keeps unparsed on screen.
	await started(page);
	await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);

	// The print-media DOM: paper colours, nothing pinned, no interface, every scene drawn in flow.
	const report = await page.evaluate(() => {
		const visible = (el: Element) => {
			const s = getComputedStyle(el);
			const r = el.getBoundingClientRect();
			return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
		};
		const all = [...document.querySelectorAll('body *')].filter(visible);
		return {
			background: getComputedStyle(document.documentElement).backgroundColor,
			color: getComputedStyle(document.body).color,
			pinned: all
				.filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position))
				.map((el) => el.outerHTML.slice(0, 80)),
			buttons: all
				.filter((el) => el.matches('button:not(.cite-mark), nav, [role="progressbar"], .skip-link'))
				.filter((el) => !el.closest('[data-feature]'))
				.map((el) => el.outerHTML.slice(0, 80)),
			scenes: [...document.querySelectorAll('figure.scene')].filter(visible).length,
			// A reading chapter prints its argument in full instead of its screen graphic.
			chapters: [...document.querySelectorAll('main section[id]')].filter(
				(s) => !s.querySelector('.scene-root[data-graphic]')
			).length,
			features: [...document.querySelectorAll('main section[id]')]
				.filter((s) => s.querySelector('.scene-root[data-graphic]'))
				.map((s) => s.querySelector('[data-feature] .full'))
				.filter((f) => !f || !visible(f)).length,
			darkText: all
				.filter((el) => el.closest('main') && !el.closest('figure.scene'))
				.filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
				.filter((el) => {
					const [r, g, b] = getComputedStyle(el).color.match(/\d+/g)!.map(Number);
					return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 120;
				})
				.map((el) => el.outerHTML.slice(0, 80))
		};
	});
	expect(report.background).toBe('rgb(255, 255, 255)');
	expect(report.color).toBe('rgb(17, 17, 17)');
	expect(report.pinned).toEqual([]);
	expect(report.buttons).toEqual([]);
	expect(report.darkText).toEqual([]);
	expect(report.scenes).toBe(report.chapters);
	expect(report.features, 'reading chapters whose full argument does not print').toBe(0);

	const pdf = await page.pdf({ format: 'A4' });
	const file = testInfo.outputPath('handout.pdf');
	writeFileSync(file, pdf);
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	// A few pages per plot chapter at most; never one giant page, never a page per paragraph.
	expect(pages).toBeGreaterThanOrEqual(Math.ceil(headings.length / 3));
	expect(pages).toBeLessThanOrEqual(headings.length * 3 + 4);

	if (has('pdftotext')) {
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
			/\s+/g,
			' '
		);
		for (const h of headings) expect(text, `heading "${h}" in the PDF`).toContain(h);
		expect(text).toMatch(/For discussion|Sources/);
	}
	if (has('pdftoppm')) {
		// Two pages as pictures, for a person to look at (test-results/…/handout-1.png).
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'60',
			'-f',
			'1',
			'-l',
			'2',
			file,
			testInfo.outputPath('handout')
		]);
		expect(readdirSync(testInfo.outputPath()).filter((f) => f.endsWith('.png'))).toHaveLength(2);
	}
});

test('/present prints without its controls', async ({ page }) => {
	await page.goto('/present');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('nav.controls')).toBeHidden();
	await expect(page.locator('[aria-current="step"]')).toBeVisible();
});
