/**
 * Leaving /present while the teacher's poll is still asking the server about its remembered room
 * leaves no live stream behind: the answer arrives on the story's page, and opens nothing there.
 */
import { expect, test } from '@playwright/test';
import { collectErrors } from '../support/page';

test('leaving /present mid-fetch leaves no EventSource open', async ({ page, request }) => {
	const room = await (await request.post('/api/rooms', { data: {} })).json();
	// Every EventSource the page makes is kept, to read its state after the page is left.
	await page.addInitScript((saved) => {
		localStorage.setItem('strangers-poll-room', JSON.stringify(saved));
		const Native = window.EventSource;
		const made: EventSource[] = [];
		(window as unknown as { madeSources: EventSource[] }).madeSources = made;
		window.EventSource = class extends Native {
			constructor(url: string | URL, init?: EventSourceInit) {
				super(url, init);
				made.push(this);
			}
		};
	}, room);

	// The remembered room is checked (GET .../results) before its stream opens: hold that answer.
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	let asked!: () => void;
	const reached = new Promise<void>((r) => (asked = r));
	await page.route(`**/api/rooms/${room.code}/results`, async (route) => {
		asked();
		await held;
		await route.continue();
	});

	const errors = collectErrors(page);
	await page.goto('/present#parents-outside');
	await expect(page.locator('[data-present][data-ready]')).toBeVisible();
	await reached;
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
	await page.locator('a.exit').click();
	await expect(page).toHaveURL(/\/#/);
	await expect(page.locator('[data-present]')).toHaveCount(0);
	release();

	// The answer to the held request lands now, on the story's page; give it time to open a stream.
	await page.waitForResponse(`**/api/rooms/${room.code}/results`);
	await page.waitForTimeout(1500);
	const state = await page.evaluate(() => {
		const w = window as unknown as { stayed?: boolean; madeSources: EventSource[] };
		return {
			// Still the same document: the presenter was left by the router, not by a reload.
			stayed: w.stayed === true,
			open: w.madeSources.filter((s) => s.readyState !== EventSource.CLOSED).map((s) => s.url)
		};
	});
	expect(state).toEqual({ stayed: true, open: [] });
	expect(errors).toEqual([]);
});
