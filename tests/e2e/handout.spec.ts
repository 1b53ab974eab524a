import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

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

	// No black pages or margins: every page, as a grey picture, is mostly white, and its margins
	// (the outer 5 mm) are white all round.
	execFileSync('pdftoppm', ['-r', '25', '-gray', file, testInfo.outputPath('sheet')]);
	const sheets = readdirSync(testInfo.outputPath()).filter((f) => f.endsWith('.pgm'));
	expect(sheets).toHaveLength(pages);
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
	await expect(page.getByRole('img', { name: /^QR code for https?:\/\// })).toBeVisible();
	// A table: one row per beat, one column per reading, every cell a verdict or "Not stated".
	const rows = page.locator('.verdicts tbody tr');
	expect(await rows.count()).toBeGreaterThan(5);
	await expect(rows.first().locator('td').first()).toHaveText(/Real|Imagined|Open|Not stated/);
	await expect(page.locator('nav, button, dialog, .withheld-note')).toHaveCount(0);
	// No JavaScript on the sheet: nothing to hydrate, nothing to break.
	expect(await page.locator('script[src], link[rel="modulepreload"]').count()).toBe(0);
});
