import { expect, test, type Page } from '@playwright/test';

/** Opens a classroom page and waits until it is live (hydrated, listening for keys). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('[data-ready]').waitFor();
}

/** [current, total] from the "12 / 84" counter. */
async function counter(page: Page): Promise<[number, number]> {
	const text = (await page.locator('[data-counter]').innerText()).trim();
	const m = /^(\d+) \/ (\d+)$/.exec(text);
	expect(m, `counter reads "${text}"`).not.toBeNull();
	return [Number(m![1]), Number(m![2])];
}

async function expectAt(page: Page, n: number) {
	await expect(page.locator('[data-counter]')).toHaveText(new RegExp(`^${n} / \\d+$`));
	const id = await page.locator('[aria-current="step"]').getAttribute('data-step');
	expect(id).toBeTruthy();
	await expect(page).toHaveURL(new RegExp(`/present#${id}$`));
}

/** The chapters of the article, in order: id, kind, first step, whether it has questions. */
async function chaptersOf(page: Page) {
	await page.goto('/');
	return page.locator('main section[id]').evaluateAll((sections) =>
		sections.map((s) => ({
			id: s.id,
			reading: s.classList.contains('reading'),
			questions: s.querySelectorAll('.questions li').length,
			steps: [...s.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step')!)
		}))
	);
}

let errors: string[] = [];
test.beforeEach(({ page }) => {
	errors = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(() => {
	expect(errors).toEqual([]);
});

test('opens on the first step, one step per screen, with the chapter title and counter', async ({
	page
}) => {
	const chapters = await chaptersOf(page);
	await open(page, '/present');
	await expectAt(page, 1);
	const [, total] = await counter(page);
	const steps = chapters.flatMap((c) => c.steps);
	const discussions = chapters.filter((c) => c.reading && c.questions > 0).length;
	expect(total).toBe(steps.length + discussions);
	await expect(page.locator('[data-step]')).toHaveCount(1);
	await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', steps[0]!);
	await expect(page.locator('[data-chapter-title]')).not.toBeEmpty();
	await expect(page.locator('figure.scene')).toHaveCount(1);
});

test('→ ↓ Space PageDown go forward; ← ↑ Shift+Space PageUp go back; Home and End jump', async ({
	page
}) => {
	await open(page, '/present');
	await expectAt(page, 1);
	const [, total] = await counter(page);
	let at = 1;
	for (const key of ['ArrowRight', 'Space', 'PageDown', 'ArrowDown']) {
		await page.keyboard.press(key);
		await expectAt(page, ++at);
	}
	for (const key of ['ArrowLeft', 'Shift+Space', 'PageUp', 'ArrowUp']) {
		await page.keyboard.press(key);
		await expectAt(page, --at);
	}
	await page.keyboard.press('ArrowLeft');
	await expectAt(page, 1);
	await page.keyboard.press('End');
	await expectAt(page, total);
	await page.keyboard.press('ArrowRight');
	await expectAt(page, total);
	await page.keyboard.press('Home');
	await expectAt(page, 1);
});

test('the URL follows the step and a reload stays there; back is not flooded', async ({ page }) => {
	await page.goto('/');
	await open(page, '/present');
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
	await expectAt(page, 5);
	const url = page.url();
	await page.reload();
	await page.locator('[data-ready]').waitFor();
	await expectAt(page, 5);
	expect(page.url()).toBe(url);
	// replaceState, not pushState: one Back leaves the presentation.
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
});

test('/present#<chapter> lands on its first step, /present#<step> on that step', async ({
	page
}) => {
	const chapters = await chaptersOf(page);
	const chapter = chapters[2]!;
	await open(page, `/present#${chapter.id}`);
	await expect(page.locator('[aria-current="step"]')).toHaveAttribute(
		'data-step',
		chapter.steps[0]!
	);
	await expect(page).toHaveURL(new RegExp(`#${chapter.steps[0]}$`));
	const step = chapters[3]!.steps.at(-1)!;
	await open(page, `/present#${step}`);
	await expect(page.locator('[aria-current="step"]')).toHaveAttribute('data-step', step);
	// An unknown hash falls back to the first slide.
	await open(page, '/present#no-such-step');
	await page.reload();
	await page.locator('[data-ready]').waitFor();
	await expectAt(page, 1);
});

test('B blacks the screen out; any key or B brings it back without moving', async ({ page }) => {
	await open(page, '/present');
	await page.keyboard.press('ArrowRight');
	await expectAt(page, 2);
	const screen = page.locator('[data-blackout-screen]');
	await expect(screen).toHaveCount(0);
	await page.keyboard.press('b');
	await expect(screen).toBeVisible();
	await page.keyboard.press('b');
	await expect(screen).toHaveCount(0);
	await expectAt(page, 2);
	await page.keyboard.press('B');
	await expect(screen).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expect(screen).toHaveCount(0);
	await expectAt(page, 2);
	await page.keyboard.press('.');
	await expect(screen).toBeVisible();
	await page.keyboard.press('x');
	await expect(screen).toHaveCount(0);
	await expectAt(page, 2);
});

test('O shows every chapter; arrows and Enter pick one; O or Escape closes', async ({ page }) => {
	const chapters = await chaptersOf(page);
	await open(page, '/present');
	const overview = page.locator('[data-overview]');
	await expect(overview).toBeHidden();
	await page.keyboard.press('o');
	await expect(overview).toBeVisible();
	await expect(overview.locator('[data-chapter-link]')).toHaveCount(chapters.length);
	await expect(overview.locator('[data-chapter-link][aria-current="true"]')).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(overview.locator(`[data-chapter-link="${chapters[2]!.id}"]`)).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(overview).toBeHidden();
	await expect(page.locator('[aria-current="step"]')).toHaveAttribute(
		'data-step',
		chapters[2]!.steps[0]!
	);
	await page.keyboard.press('o');
	await expect(overview).toBeVisible();
	await page.keyboard.press('o');
	await expect(overview).toBeHidden();
	await page.keyboard.press('o');
	await page.keyboard.press('Escape');
	await expect(overview).toBeHidden();
	// Keys work again once it is closed.
	await page.keyboard.press('Home');
	await expectAt(page, 1);
});

test('G opens a go-to dialog: a number goes there, a wrong one says so', async ({ page }) => {
	await open(page, '/present');
	const [, total] = await counter(page);
	const dialog = page.locator('[data-goto]');
	await page.keyboard.press('g');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('input')).toBeFocused();
	await expect(dialog.locator('input')).toHaveValue('');
	await page.keyboard.type('7');
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expectAt(page, 7);
	await page.keyboard.press('g');
	await page.keyboard.type(String(total + 5));
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('[role="alert"]')).toContainText(`1 to ${total}`);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expectAt(page, 7);
});

test('? lists the keys; ? or Escape closes it', async ({ page }) => {
	await open(page, '/present');
	const help = page.locator('[data-help]');
	await page.keyboard.press('?');
	await expect(help).toBeVisible();
	for (const k of ['Page Down', 'Page Up', 'Home', 'End', 'B', 'F', 'O', 'G', 'S'])
		await expect(help.locator('kbd', { hasText: new RegExp(`^${k}$`) }).first()).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expectAt(page, 1);
	await page.keyboard.press('?');
	await expect(help).toBeHidden();
	await page.keyboard.press('?');
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
});

test('F toggles full screen', async ({ page }) => {
	await open(page, '/present');
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(true);
	await page.keyboard.press('f');
	await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(false);
});

test('S opens the speaker view in another window, on the same step', async ({ page, context }) => {
	await open(page, '/present');
	await page.keyboard.press('ArrowRight');
	await expectAt(page, 2);
	const [notes] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
	await expect(notes).toHaveURL(/\/present\/notes/);
	await expect(notes.locator('[data-counter]')).toHaveText(/^2 \/ \d+$/);
	await notes.close();
});

test('a swipe left goes forward, a swipe right goes back', async ({ page }) => {
	await open(page, '/present');
	const swipe = (from: number, to: number) =>
		page.locator('main.stage').evaluate(
			(el, [a, b]) => {
				const base = { pointerId: 7, pointerType: 'touch', bubbles: true, isPrimary: true };
				el.dispatchEvent(new PointerEvent('pointerdown', { ...base, clientX: a, clientY: 300 }));
				el.dispatchEvent(new PointerEvent('pointerup', { ...base, clientX: b, clientY: 310 }));
			},
			[from, to]
		);
	await swipe(800, 300);
	await expectAt(page, 2);
	await swipe(800, 300);
	await expectAt(page, 3);
	await swipe(300, 800);
	await expectAt(page, 2);
	await swipe(300, 320);
	await expectAt(page, 2);
});

test('the on-screen controls move too, and keep Space for the slides', async ({ page }) => {
	await open(page, '/present');
	await page.getByRole('button', { name: 'Next slide' }).click();
	await expectAt(page, 2);
	// A mouse click leaves no focus on the button, so Space still advances once.
	await page.keyboard.press('Space');
	await expectAt(page, 3);
	await page.getByRole('button', { name: 'Previous slide' }).click();
	await expectAt(page, 2);
});

test('each interpretive chapter ends on a discussion slide with its questions', async ({
	page
}) => {
	const chapters = (await chaptersOf(page)).filter((c) => c.reading && c.questions > 0);
	expect(chapters.length, 'reading chapters with questions').toBeGreaterThan(0);
	for (const c of chapters) {
		await open(page, `/present#${c.steps.at(-1)}`);
		await page.keyboard.press('ArrowRight');
		const slide = page.locator('[aria-current="step"]');
		await expect(slide).toHaveAttribute('data-step', `${c.id}--discussion`);
		await expect(slide.locator('.questions li')).toHaveCount(c.questions);
		await expect(page).toHaveURL(new RegExp(`#${c.id}--discussion$`));
	}
});

test('"Print handout" prints the class handout, not the slide', async ({ page }) => {
	await page.addInitScript(() => {
		window.print = () => {
			const top = window.top as Window & { __printed?: string[] };
			top.__printed = [...(top.__printed ?? []), location.pathname];
		};
	});
	await open(page, '/present');
	await page.locator('[data-print-handout]').click();
	await expect
		.poll(() => page.evaluate(() => (window as Window & { __printed?: string[] }).__printed))
		.toEqual(['/handout']);
	await expect(page.locator('iframe[data-handout]')).toHaveCount(0, { timeout: 5000 });
});

test('"Print handout" gives up and cleans up when the handout never loads', async ({ page }) => {
	test.setTimeout(60_000);
	await open(page, '/present');
	// A stalled network: the request for the sheet is never answered.
	await page.route('**/handout', () => {});
	const button = page.locator('[data-print-handout]');
	await button.click();
	await expect(button).toHaveText('Preparing handout…');
	await expect(page.locator('iframe[data-handout]')).toHaveCount(1);
	await expect(page.locator('iframe[data-handout]')).toHaveCount(0, { timeout: 25_000 });
	await expect(button).toHaveText('Print handout');
});
