/**
 * Open answers end to end, against `npm start`: a teacher (projector and speaker view) and three
 * students on phones write a sentence, then a few words; markup stays text, Arabic and emoji stay
 * whole in the word cloud, a hidden answer leaves the projector, and the class summary prints to
 * one to three A4 pages. Pictures go to test-results/answers/.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectErrors } from '../support/page';

const PHONE = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};
const OUT = 'test-results/answers';

async function student(browser: Browser, code: string) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	const errors = collectErrors(page);
	await page.goto(`/join/${code}`);
	return { page, errors, context };
}

async function present(page: Page, slide: string) {
	await page.goto('about:blank');
	await page.goto(`/present#${slide}`);
	await expect(page.locator('[data-present][data-ready]')).toBeVisible();
	await expect(page.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Zero axe violations (WCAG 2.2 AA) in `include`, or on the whole page. */
async function expectAccessible(page: Page, what: string, include?: string) {
	let axe = new AxeBuilder({ page }).withTags(TAGS);
	if (include) axe = axe.include(include);
	const { violations } = await axe.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		`axe on ${what}`
	).toEqual([]);
}

/** P, and the wait for the room to say so: leaving the page early would cancel the request. */
async function togglePoll(page: Page, now: 'open' | 'closed') {
	await page.keyboard.press('p');
	await expect(
		page.locator(now === 'open' ? '[data-poll-close]' : '[data-poll-open]')
	).toBeVisible();
}

async function answer(page: Page, text: string) {
	await page.locator('[data-answer-input]').fill(text);
	await page.locator('[data-answer-send]').tap();
	await expect(page.locator('[data-answer-state]')).toContainText('Your answer');
}

test('three phones answer in their own words; the teacher hides one; the summary prints', async ({
	browser
}) => {
	mkdirSync(OUT, { recursive: true });
	const teacher = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const projector = await teacher.newPage();
	const errors = collectErrors(projector);

	// A choice poll first, so the summary has bars as well as answers.
	await present(projector, 'parents-outside');
	await projector.keyboard.press('j');
	const code = (await projector.locator('[data-join-code]').innerText()).replace(/\s/g, '');
	const phones = await Promise.all([0, 1, 2].map(() => student(browser, code)));
	await togglePoll(projector, 'open');
	for (const [i, s] of phones.entries()) {
		const option = i ? 'memory' : 'ghosts';
		await s.page.locator(`button[data-option="${option}"]`).tap();
		await expect(s.page.locator(`button[data-option="${option}"]`)).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}
	await togglePoll(projector, 'closed');

	// A text poll: markup in an answer is shown as written, on the wall.
	await present(projector, 'words-relationships');
	await togglePoll(projector, 'open');
	for (const s of phones) await expect(s.page.locator('[data-answer-form] textarea')).toBeVisible();
	await answer(phones[0]!.page, '<b>My father</b> and the things we never said');
	await answer(phones[1]!.page, 'A friend I lost touch with');
	const wall = projector.locator('[data-answer-wall]');
	await expect(wall.locator('li')).toHaveCount(2);
	await expect(wall.locator('li').first()).toHaveText(
		'<b>My father</b> and the things we never said'
	);
	await expect(wall.locator('b')).toHaveCount(0);
	await togglePoll(projector, 'closed');

	// A words poll: the cloud.
	await present(projector, 'words-feeling');
	const notes = await teacher.newPage();
	const notesErrors = collectErrors(notes);
	await notes.goto('/present/notes#words-feeling');
	await expect(notes.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });
	await togglePoll(projector, 'open');
	for (const s of phones) await expect(s.page.locator('[data-answer-form] input')).toBeVisible();
	await answer(phones[0]!.page, 'Grief 😢');
	await answer(phones[1]!.page, '<i>GRIEF</i>');
	await phones[2]!.page.locator('[data-answer-input]').fill('حنين');
	await phones[2]!.page.screenshot({ path: `${OUT}/student-answer.png` });
	await phones[2]!.page.locator('[data-answer-send]').tap();
	await expect(phones[2]!.page.locator('[data-answer-state]')).toContainText('Your answer');
	await phones[2]!.page.screenshot({ path: `${OUT}/student-answered.png` });
	await expectAccessible(phones[2]!.page, 'the phone with an open answer');

	const cloud = projector.locator('[data-word-cloud]');
	await expect(cloud.locator('[data-word="grief"]')).toHaveAttribute('data-n', '2');
	await expect(cloud.locator('[data-word="😢"]')).toHaveAttribute('data-n', '1');
	await expect(cloud.locator('[data-word="حنين"]')).toHaveAttribute('data-n', '1');
	await expect(cloud.locator('li')).toHaveCount(3);
	// The count is text for a screen reader, not only a size.
	await expect(cloud.locator('[data-word="grief"]')).toContainText('2 answers');
	await expect(projector.locator('[data-poll-card] [data-poll-total]')).toHaveText('3 answers');
	await projector.waitForTimeout(300);
	await projector.screenshot({ path: `${OUT}/projector-cloud.png` });
	await expectAccessible(projector, 'the projector’s word cloud', '[data-poll-card]');

	// The speaker view lists every answer as written, and hides one from the projector.
	const list = notes.locator('[data-answer-moderation]');
	await expect(list.locator('li')).toHaveCount(3);
	await expect(list).toContainText('<i>GRIEF</i>');
	await expect(list.locator('i')).toHaveCount(0);
	await list.locator('li', { hasText: 'حنين' }).getByRole('button', { name: /Hide/ }).click();
	await expect(cloud.locator('[data-word="حنين"]')).toHaveCount(0);
	await expect(projector.locator('[data-poll-card] [data-poll-total]')).toHaveText('2 answers');
	await expect(list.locator('li[data-hidden="true"]')).toContainText('حنين');
	await expect(notes.locator('[data-poll-card] [data-poll-total]')).toHaveText(
		'2 answers, 1 hidden'
	);
	await expect(phones[2]!.page.locator('[data-answer-state]')).toContainText('حنين');
	await notes.screenshot({ path: `${OUT}/speaker-view.png` });
	await expectAccessible(notes, 'the speaker view’s answers', '[data-poll-card]');

	// A changed answer replaces the first, until the poll closes.
	await answer(phones[0]!.page, 'Hope');
	await expect(cloud.locator('[data-word="hope"]')).toBeVisible();
	await expect(cloud.locator('[data-word="grief"]')).toHaveAttribute('data-n', '1');
	await notes.locator('[data-poll-close]').click();
	for (const s of phones) await expect(s.page.locator('[data-answer-send]')).toBeDisabled();

	// The class summary, from the speaker view: every poll of the room, on one to three A4 pages.
	const [summary] = await Promise.all([
		teacher.waitForEvent('page'),
		notes.locator('[data-poll-summary]').click()
	]);
	const summaryErrors = collectErrors(summary);
	await expect(summary.locator('[data-summary][data-status="ready"]')).toBeVisible();
	await expect(summary.locator('[data-summary-poll]')).toHaveCount(3);
	await expect(summary.locator('[data-summary-meta]')).toContainText(
		`Room ${code.slice(0, 3)} ${code.slice(3)}`
	);
	await expect(summary.locator('[data-summary-poll]').nth(1)).toContainText('<b>My father</b>');
	await expect(summary.locator('[data-summary-poll] b')).toHaveCount(0);
	await expect(summary.locator('[data-summary-poll]').nth(2)).toContainText('1 answer hidden');
	await expect(summary.locator('[data-summary-poll]').nth(2)).not.toContainText('حنين');
	await expectAccessible(summary, 'the class summary');
	await summary.evaluate(() => document.fonts.ready);
	const pdf = `${OUT}/summary.pdf`;
	await summary.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(3);
	const text = execFileSync('pdftotext', [pdf, '-']).toString();
	for (const q of [
		'Which reading of the parents',
		'Which relationship in your own life',
		'what feeling does the ending'
	])
		expect(text).toContain(q);
	execFileSync('pdftoppm', [
		'-png',
		'-r',
		'60',
		'-f',
		'1',
		'-l',
		'1',
		'-singlefile',
		pdf,
		`${OUT}/summary-page1`
	]);
	console.log(`summary: ${pages} A4 page(s)`);

	expect(errors).toEqual([]);
	expect(notesErrors).toEqual([]);
	expect(summaryErrors).toEqual([]);
	for (const s of phones) expect(s.errors).toEqual([]);
	for (const s of phones) await s.context.close();
	await teacher.close();
});
