/**
 * The live class poll end to end, against `npm start`: a teacher (projector and speaker view) and
 * three students on phones. Screenshots go to test-results/poll/.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectErrors } from '../support/page';

const PHONE = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};
const SLIDE = 'parents-outside'; // content/polls.yaml: parents-reading

const count = (page: Page, option: string) =>
	page.locator(`[data-poll-bars] li[data-option="${option}"] [data-count]`);

async function student(browser: Browser, code: string) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	const errors = collectErrors(page);
	await page.goto(`/join/${code}`);
	return { page, errors, context };
}

test('a teacher runs a poll; three phones vote; projector and speaker view follow; a late vote is refused', async ({
	browser
}) => {
	const teacher = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const projector = await teacher.newPage();
	const errors = collectErrors(projector);
	await projector.goto(`/present#${SLIDE}`);
	await expect(projector.locator('[data-present][data-ready]')).toBeVisible();
	await expect(projector.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });

	// J opens a room and its join screen: code, QR and URL.
	await projector.keyboard.press('j');
	const join = projector.locator('[data-join-screen]');
	await expect(join.locator('svg[role="img"]')).toBeVisible();
	const code = (await join.locator('[data-join-code]').innerText()).replace(/\s/g, '');
	expect(code).toMatch(/^[2-9A-Z]{6}$/);
	await expect(join.locator('[data-join-url]')).toContainText(`/join/${code}`);
	await projector.screenshot({ path: 'test-results/poll/join-screen.png' });

	const notes = await teacher.newPage();
	const notesErrors = collectErrors(notes);
	await notes.goto(`/present/notes#${SLIDE}`);
	await expect(notes.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });

	const phones = await Promise.all([0, 1, 2].map(() => student(browser, code)));
	for (const s of phones) await expect(s.page.locator('[data-waiting]')).toBeVisible();

	// P opens the slide's poll (and hides the join screen); every phone shows it.
	await projector.keyboard.press('p');
	await expect(join).toBeHidden();
	await expect(projector.locator('[data-poll-card] h2')).toHaveText(
		'Which reading of the parents do you find most convincing?'
	);
	for (const s of phones) {
		await expect(s.page.locator('[data-question]')).toHaveText(/Which reading of the parents/);
	}

	const choices = ['memory', 'memory', 'ghosts'];
	for (const [i, s] of phones.entries()) {
		await s.page.locator(`button[data-option="${choices[i]}"]`).tap();
		await expect(s.page.locator(`button[data-option="${choices[i]}"]`)).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	}
	await phones[0]!.page.screenshot({ path: 'test-results/poll/student-phone.png' });

	// R shows the bars on the projector; the speaker view always has them.
	await projector.keyboard.press('r');
	for (const page of [projector, notes]) {
		await expect(count(page, 'memory')).toHaveAttribute('data-count', '2');
		await expect(count(page, 'ghosts')).toHaveAttribute('data-count', '1');
		await expect(page.locator('[data-poll-card] [data-poll-total]')).toHaveText('3 answers');
	}

	// A changed mind replaces the first ballot rather than adding one.
	await phones[2]!.page.locator('button[data-option="memory"]').tap();
	await expect(count(projector, 'memory')).toHaveAttribute('data-count', '3');
	await expect(count(projector, 'ghosts')).toHaveAttribute('data-count', '0');
	await expect(count(notes, 'memory')).toHaveAttribute('data-count', '3');
	await expect(projector.locator('[data-poll-bars]')).toContainText('3 votes, 100%');
	await projector.waitForTimeout(800); // let the bars finish growing for the picture
	await projector.screenshot({ path: 'test-results/poll/projector-results.png' });

	// The teacher closes the poll from the speaker view; phones lock, and a late vote is refused.
	await notes.locator('[data-poll-close]').click();
	for (const s of phones) {
		await expect(s.page.locator('[data-vote-state]')).toContainText('The poll is closed');
		await expect(s.page.locator('button[data-option="journeys"]')).toBeDisabled();
	}
	await expect(projector.locator('[data-poll-status]')).toContainText('Poll closed');
	// Sent outside the page, so the refusal is not a console error of the student's page.
	const api = phones[1]!.context.request;
	const results = await (await api.get(`/api/rooms/${code}/results`)).json();
	const refused = await api.post(`/api/rooms/${code}/votes`, {
		data: { pollId: results.pollId, option: 'journeys', voter: 'late-voter-123456789' }
	});
	const late = { status: refused.status(), total: results.total };
	expect(late.status).toBe(409);
	expect(late.total).toBe(3);
	await expect(count(projector, 'journeys')).toHaveAttribute('data-count', '0');

	// The CSV holds the poll with its counts.
	const download = projector.waitForEvent('download');
	await projector.locator('[data-poll-csv]').click();
	const csv = await (await download).createReadStream();
	let text = '';
	for await (const chunk of csv) text += chunk;
	expect(text).toContain('memory,Memories made visible,3,3');

	expect(errors).toEqual([]);
	expect(notesErrors).toEqual([]);
	for (const s of phones) expect(s.errors).toEqual([]);
	for (const s of phones) await s.context.close();
	await teacher.close();
});

test('a mistyped code on /join is caught before it reaches the server', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/join');
	await page.getByLabel('The code on the screen').fill('hello');
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('alert')).toContainText('six letters and digits');
	expect(errors).toEqual([]);
});
