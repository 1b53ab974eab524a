import type { Page } from '@playwright/test';

/** Reads past the spoiler gate, as a reader who has already pressed the button this session. */
export async function passGate(page: Page) {
	await page.addInitScript(() => sessionStorage.setItem('strangers:spoilers', 'seen'));
}
