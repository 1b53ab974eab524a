import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import { parse } from 'yaml';
import { HANDOUT_FACES } from '../../src/lib/handout/address';
import { qrPath } from '../../src/lib/share/qr';

/** Every discussion question in content/, as plain words (Markdown emphasis dropped). */
function contentQuestions(): string[] {
	const dir = join(process.cwd(), 'content', 'chapters');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')).questions ?? []) as string[])
		.map(plain);
}

const plain = (s: string) =>
	s.replace(/[*_]/g, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

test('/handout prints to 2 to 6 A4 pages holding every discussion question', async ({
	page
}, testInfo) => {
	const questions = contentQuestions();
	expect(questions.length).toBeGreaterThan(3);

	await page.goto('/handout');
	await page.evaluate(() => document.fonts.ready);
	// Paper, whatever the print settings: with background graphics on, nothing dark is printed.
	const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	const file = testInfo.outputPath('class-handout.pdf');
	writeFileSync(file, pdf);

	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
	expect(pages).toBeGreaterThanOrEqual(2);
	expect(pages).toBeLessThanOrEqual(6);
	expect(info).toMatch(/Page size:.*\(A4\)/);

	const text = plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
	for (const q of questions) expect(text, `question "${q}" on paper`).toContain(q);
	// The running head and the page numbers, from the page's margin boxes.
	expect(text).toContain(`Page ${pages} of ${pages}`);
	expect(text).toMatch(/class handout/i);
	// The gate notice belongs to the screen only.
	expect(text).not.toContain('hidden until you have read');

	// Set in the web faces, not their stand-ins.
	const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
	expect(fonts).toMatch(/Newsreader/);
	expect(fonts).toMatch(/Inter/);

	// No near-empty last page: it carries a fair share of words and its ink runs well down it.
	const last = execFileSync('pdftotext', ['-f', `${pages}`, '-l', `${pages}`, file, '-'], {
		encoding: 'utf8'
	});
	expect(plain(last).length, 'words on the last page').toBeGreaterThan(900);

	// No black pages or margins: every page, as a grey picture, is mostly white, and its margins
	// (the outer 5 mm) are white all round.
	execFileSync('pdftoppm', ['-r', '25', '-gray', file, testInfo.outputPath('sheet')]);
	const sheets = readdirSync(testInfo.outputPath())
		.filter((f) => f.endsWith('.pgm'))
		.sort();
	expect(sheets).toHaveLength(pages);
	expect(
		inkDepth(readPgm(readFileSync(testInfo.outputPath(sheets.at(-1)!)))),
		'last page filled'
	).toBeGreaterThan(0.35);
	for (const f of sheets) {
		const { width, height, pixels } = readPgm(readFileSync(testInfo.outputPath(f)));
		const mean = pixels.reduce((a, b) => a + b, 0) / pixels.length;
		expect(mean, `${f} is paper`).toBeGreaterThan(200);
		const edge = Math.round((5 / 25.4) * 25);
		let darkest = 255;
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++)
				if (x < edge || y < edge || x >= width - edge || y >= height - edge)
					darkest = Math.min(darkest, pixels[y * width + x]!);
		expect(darkest, `${f} margins`).toBeGreaterThan(240);
	}
});

/**
 * How far down an A4 page's text area (18 mm margins, page.svelte's @page) its last ink sits, from
 * 0 (none) to 1 (the bottom margin), leaving out the page number in the margin.
 */
function inkDepth({ width, height, pixels }: ReturnType<typeof readPgm>): number {
	const top = Math.round((18 / 297) * height);
	const bottom = Math.round((1 - 18 / 297) * height);
	for (let y = bottom - 1; y > top; y--)
		for (let x = 0; x < width; x++)
			if (pixels[y * width + x]! < 160) return (y - top) / (bottom - top);
	return 0;
}

/** A binary greyscale PGM (what pdftoppm -gray writes). */
function readPgm(buf: Buffer) {
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.toString('latin1', 0, 40));
	if (!header) throw new Error('not a PGM');
	const [all, w, h] = header;
	return { width: Number(w), height: Number(h), pixels: buf.subarray(all.length) };
}

test('/handout has the sheet parts and no screen chrome', async ({ page }) => {
	await page.goto('/handout');
	await expect(page.locator('h1')).toHaveText('All of Us Strangers');
	for (const name of [
		'The plot in brief',
		'The evidence in brief',
		'The readings, beat by beat',
		'Questions for discussion',
		'Sources'
	]) {
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	}
	await expect(page.locator('[data-question]')).toHaveCount(contentQuestions().length);
	// The address: the build's when it was told one, else the site's path alone, never localhost
	// for a build that was not.
	const address = (await page.locator('[data-handout-address]').innerText()).trim();
	if (process.env.PUBLIC_SITE_URL) expect(address).toMatch(/^https?:\/\//);
	else expect(address).toBe('/');
	// A table: one row per beat, one column per reading, every cell a verdict or "Not stated".
	const rows = page.locator('.verdicts tbody tr');
	expect(await rows.count()).toBeGreaterThan(5);
	await expect(rows.first().locator('td').first()).toHaveText(/Real|Imagined|Open|Not stated/);
	await expect(page.locator('nav, button, dialog, .withheld-note')).toHaveCount(0);
	// No JavaScript on the sheet: nothing to hydrate, nothing to break.
	expect(await page.locator('script[src], link[rel="modulepreload"]').count()).toBe(0);
});

test('printed from the deck, the handout carries the address it was opened from, set in its faces', async ({
	page,
	baseURL
}) => {
	// What the sheet holds at the moment it is printed, read in its own frame.
	await page.addInitScript((faces: readonly string[]) => {
		window.print = () => {
			const top = window.top as Window & { __sheet?: unknown };
			const svg = document.querySelector('[data-handout-qr] svg');
			top.__sheet = {
				path: location.pathname,
				address: document.querySelector('[data-handout-address]')?.textContent?.trim(),
				label: svg?.getAttribute('aria-label'),
				d: svg?.querySelector('path')?.getAttribute('d'),
				viewBox: svg?.getAttribute('viewBox'),
				facesIn: faces.filter((f) => document.fonts.check(f)),
				loaded: [...document.fonts]
					.filter((f) => f.status === 'loaded')
					.map((f) => `${f.style} ${f.weight} ${f.family.replace(/["']/g, '')}`)
			};
		};
	}, HANDOUT_FACES);
	await page.goto('/present');
	await page.locator('[data-ready]').waitFor();
	const origin = await page.evaluate(() => location.origin);
	expect(origin).toBe(new URL(baseURL!).origin);
	await page.locator('[data-print-handout]').click();
	await expect
		.poll(() => page.evaluate(() => (window as Window & { __sheet?: unknown }).__sheet), {
			timeout: 15_000
		})
		.toBeTruthy();
	const sheet = (await page.evaluate(
		() => (window as Window & { __sheet?: unknown }).__sheet
	)) as Record<string, unknown>;

	const url = `${origin}/`;
	const qr = qrPath(QRCode.create(url, { errorCorrectionLevel: 'M' }));
	expect(sheet.path).toBe('/handout');
	expect(sheet.address).toBe(url);
	expect(sheet.label).toBe(`QR code for ${url}`);
	// The code's modules are the ones that encode this address, nothing else.
	expect(sheet.d).toBe(qr.d);
	expect(sheet.viewBox).toBe(`0 0 ${qr.size} ${qr.size}`);
	// Every face the sheet sets was in before print() was called.
	expect(sheet.facesIn).toEqual([...HANDOUT_FACES]);
	for (const face of ['normal 400 Newsreader', 'italic 400 Newsreader', 'normal 600 Newsreader'])
		expect(sheet.loaded).toContain(face);
	expect(sheet.loaded).toContain('normal 400 Inter');
});
