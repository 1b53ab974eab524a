/**
 * The class follows the lesson on their phones, against `npm start`: a teacher (projector and
 * speaker view) and three students on phones. The phones follow five slide changes, a poll comes
 * forward and goes back, a student who paged away returns with "Back to the class", and in a
 * student-paced room they page freely while the speaker view counts them by chapter.
 * Screenshots go to test-results/class/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectErrors } from '../support/page';

const PHONE = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
};
const START = 'tower-alone'; // a plot chapter's first slide
const POLL_SLIDE = 'parents-outside'; // a reading slide with a poll (content/polls.yaml)

async function student(browser: Browser, code: string) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	const errors = collectErrors(page);
	await page.goto(`/join/${code}`);
	return { page, errors, context };
}

/** The slide id the projector shows. */
const projected = (projector: Page) =>
	projector.locator('[data-present] .slide[aria-current="step"]').getAttribute('data-step');

const onPhone = (page: Page) => page.locator('[data-class-slide]');

async function expectNoViolations(page: Page, what: string) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		`axe violations on ${what}`
	).toEqual([]);
}

test('three phones follow the teacher, a poll comes forward, and students may set their own pace', async ({
	browser
}) => {
	const teacher = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const projector = await teacher.newPage();
	const errors = collectErrors(projector);
	await projector.goto(`/present#${START}`);
	await expect(projector.locator('[data-present][data-ready]')).toBeVisible();
	await expect(projector.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });

	// J opens a room; the help lists the pace key.
	await projector.keyboard.press('j');
	const join = projector.locator('[data-join-screen]');
	const code = (await join.locator('[data-join-code]').innerText()).replace(/\s/g, '');
	await projector.keyboard.press('j');
	await expect(join).toBeHidden();
	await projector.keyboard.press('?');
	await expect(projector.getByRole('dialog')).toContainText('Class pace');
	await projector.keyboard.press('Escape');

	const notes = await teacher.newPage();
	const notesErrors = collectErrors(notes);
	await notes.goto(`/present/notes#${START}`);
	await expect(notes.locator('[data-poll-panel]')).toBeVisible({ timeout: 30_000 });

	const phones = await Promise.all([0, 1, 2].map(() => student(browser, code)));
	for (const s of phones) await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', START);

	// Five slide changes; every phone follows each within a second or so.
	const lags: number[] = [];
	for (let i = 0; i < 5; i++) {
		await projector.keyboard.press('ArrowRight');
		const step = await projected(projector);
		const sent = Date.now();
		for (const s of phones)
			await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', step!, {
				timeout: 5000
			});
		lags.push(Date.now() - sent);
	}
	console.log(`phones followed five slide changes, slowest ${Math.max(...lags)} ms: ${lags}`);
	const phone = phones[0]!.page;
	await expect(phone.locator('[data-class-slide] figure.scene')).toBeVisible();
	await expect(phone.locator('[data-class-slide] .body')).not.toBeEmpty();
	await phone.screenshot({ path: 'test-results/class/phone-plot.png' });

	// A reading slide with a poll: the slide first, then the poll in front of it, then the slide.
	await projector.evaluate((id) => (location.hash = `#${id}`), POLL_SLIDE);
	for (const s of phones)
		await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', POLL_SLIDE);
	await expect(phone.locator('[data-class-slide] sup.cite').first()).toBeVisible();
	await phone.screenshot({ path: 'test-results/class/phone-reading.png' });
	await expectNoViolations(phone, 'the phone on a reading slide');
	await phone.locator('[data-class-slide] .sources').scrollIntoViewIfNeeded();
	await phone.screenshot({ path: 'test-results/class/phone-reading-words.png' });
	await projector.keyboard.press('p');
	for (const s of phones) {
		await expect(s.page.locator('h1[data-question]')).toHaveText(/Which reading of the parents/);
		await expect(onPhone(s.page)).toHaveCount(0);
	}
	await expectNoViolations(phone, 'the phone with a poll in front');
	await phone.locator('button[data-option="memory"]').tap();
	await expect(phone.locator('button[data-option="memory"]')).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await projector.keyboard.press('p');
	for (const s of phones) {
		await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', POLL_SLIDE);
		await expect(s.page.locator('[data-vote-state]')).toContainText('The poll is closed');
	}

	// One student pages back; the class moves on without them; "Back to the class" catches up.
	await phone.locator('[data-class-prev]').tap();
	const behind = await onPhone(phone).getAttribute('data-class-slide');
	expect(behind).not.toBe(POLL_SLIDE);
	const back = phone.getByRole('button', { name: 'Back to the class' });
	await expect(back).toBeVisible();
	await projector.keyboard.press('ArrowRight');
	const ahead = await projected(projector);
	for (const s of phones.slice(1))
		await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', ahead!);
	await expect(onPhone(phone)).toHaveAttribute('data-class-slide', behind!);
	await expectNoViolations(phone, 'the phone paged away from the class');
	await back.tap();
	await expect(onPhone(phone)).toHaveAttribute('data-class-slide', ahead!);
	await expect(back).toBeHidden();

	// Student-paced: the phones page on their own; the speaker view counts them by chapter.
	await notes.locator('[data-pacing="teacher"]').click();
	await expect(notes.locator('[data-pacing="student"]')).toBeVisible();
	for (const s of phones) await expect(s.page.locator('[data-class-pace]')).toBeVisible();
	const moves = [-8, 0, 6];
	for (const [i, s] of phones.entries()) {
		const button = s.page.locator(moves[i]! < 0 ? '[data-class-prev]' : '[data-class-next]');
		for (let n = 0; n < Math.abs(moves[i]!); n++) await button.tap();
	}
	const chapterOf = (page: Page) =>
		page.locator('[data-class-slide] .slide').getAttribute('data-chapter');
	const expected = new Map<string, number>();
	for (const s of phones) {
		const ch = (await chapterOf(s.page))!;
		expected.set(ch, (expected.get(ch) ?? 0) + 1);
	}
	expect(expected.size).toBeGreaterThan(1);
	// The teacher's slide does not pull a student-paced phone along.
	const before = await onPhone(phones[2]!.page).getAttribute('data-class-slide');
	await projector.keyboard.press('ArrowRight');
	const counts = notes.locator('[data-chapter-counts]');
	for (const [ch, n] of expected)
		await expect(counts.locator(`li[data-chapter="${ch}"] [data-count]`)).toHaveAttribute(
			'data-count',
			String(n)
		);
	await expect(counts.locator('[data-chapter-total]')).toContainText('3 phones');
	await expect(onPhone(phones[2]!.page)).toHaveAttribute('data-class-slide', before!);
	await counts.scrollIntoViewIfNeeded();
	await notes.screenshot({ path: 'test-results/class/speaker-chapters.png' });

	// T on the projector: the class follows the teacher again.
	await projector.keyboard.press('t');
	const now = await projected(projector);
	for (const s of phones) {
		await expect(onPhone(s.page)).toHaveAttribute('data-class-slide', now!);
		await expect(s.page.locator('[data-class-pace]')).toHaveCount(0);
	}

	expect(errors).toEqual([]);
	expect(notesErrors).toEqual([]);
	for (const s of phones) expect(s.errors).toEqual([]);
	for (const s of phones) await s.context.close();
	await teacher.close();
});
