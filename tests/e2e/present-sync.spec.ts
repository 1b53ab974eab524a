import { expect, test, type Page } from '@playwright/test';

/** Opens a classroom page and waits until it is live (hydrated, listening for keys). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('[data-ready]').waitFor();
}

test('the speaker view and the presentation follow each other, both ways', async ({ context }) => {
	const screen = await context.newPage();
	await open(screen, '/present');
	await expect(screen.locator('[data-counter]')).toHaveText(/^1 \//);

	const notes = await context.newPage();
	await open(notes, '/present/notes');
	await expect(notes.locator('[data-counter]')).toHaveText(/^1 \//);

	// Presentation → speaker view.
	await screen.bringToFront();
	await screen.keyboard.press('ArrowRight');
	await screen.keyboard.press('ArrowRight');
	await expect(screen.locator('[data-counter]')).toHaveText(/^3 \//);
	await expect(notes.locator('[data-counter]')).toHaveText(/^3 \//);
	const id = await screen.locator('[aria-current="step"]').getAttribute('data-step');
	await expect(notes.locator('[aria-current="step"]')).toHaveAttribute('data-step', id!);
	await expect(notes.locator('[data-notes]')).not.toBeEmpty();

	// Speaker view → presentation, by button and by key.
	await notes.bringToFront();
	await notes.getByRole('button', { name: /Next/ }).click();
	await expect(screen.locator('[data-counter]')).toHaveText(/^4 \//);
	await notes.keyboard.press('PageUp');
	await expect(screen.locator('[data-counter]')).toHaveText(/^3 \//);
	await expect(screen).toHaveURL(new RegExp(`#${id}$`));

	// The black screen, from the speaker view.
	await notes.locator('[data-blackout-toggle]').click();
	await expect(screen.locator('[data-blackout-screen]')).toBeVisible();
	await notes.locator('[data-blackout-toggle]').click();
	await expect(screen.locator('[data-blackout-screen]')).toHaveCount(0);
});

test('a speaker view opened late starts on the current step', async ({ context }) => {
	const screen = await context.newPage();
	await open(screen, '/present');
	await screen.keyboard.press('End');
	const last = await screen.locator('[data-counter]').innerText();
	const notes = await context.newPage();
	await open(notes, '/present/notes');
	await expect(notes.locator('[data-counter]')).toHaveText(last);
	await expect(notes.getByText('This is the last slide.')).toBeVisible();
});

test('a reloaded presentation keeps its step and the speaker view follows it', async ({
	context
}) => {
	const screen = await context.newPage();
	await open(screen, '/present');
	const notes = await context.newPage();
	await open(notes, '/present/notes');
	await screen.keyboard.press('ArrowRight');
	await expect(notes.locator('[data-counter]')).toHaveText(/^2 \//);
	await screen.reload();
	await screen.locator('[data-ready]').waitFor();
	await expect(screen.locator('[data-counter]')).toHaveText(/^2 \//);
	await screen.keyboard.press('ArrowRight');
	await expect(notes.locator('[data-counter]')).toHaveText(/^3 \//);
});

test('the speaker view clock starts, pauses and resets', async ({ page }) => {
	await page.clock.install();
	await open(page, '/present/notes');
	const clock = page.locator('[data-elapsed]');
	await expect(clock).toHaveText('0:00');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.clock.runFor(65_000);
	// The installed clock also flows with real time, so allow a few seconds on a busy machine.
	await expect(clock).toHaveText(/^1:0\d$/);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	const held = await clock.innerText();
	await page.clock.runFor(30_000);
	await expect(clock).toHaveText(held);
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(clock).toHaveText('0:00');
});
