/**
 * What an editor's host page sees: no console noise from the embed while its readers scroll, and
 * a light theme that passes axe on a light page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { article, startHost, type Host } from './embed-host';

let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

test('a host page on another origin embedding a chapter logs nothing while scrolling', async ({
	page,
	baseURL
}) => {
	const logged: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') logged.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => logged.push(e.message));
	await page.setViewportSize({ width: 1200, height: 800 });
	// Two chapters, the second far below the fold, so it is still a lazy, unloaded frame while the
	// reader scrolls the first: posting to it then is what makes hosts log errors.
	const url = host.page(
		'/quiet.html',
		article(
			`<div data-strangers-embed data-chapter="home"></div>
			${'<p>More of the article, between the two embeds.</p>'.repeat(40)}
			<div data-strangers-embed data-chapter="goodbye" data-theme="light"></div>
			<script src="${baseURL}/embed.js" async></script>`
		)
	);
	await page.goto(url);
	const first = page.locator('iframe').first();
	// Sized by its own height message: the frame has loaded and spoken.
	await expect(first).toHaveAttribute('scrolling', 'no', { timeout: 20_000 });
	// A full scroll of the host, top to bottom, in reader-sized steps.
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	for (let y = 0; y <= height; y += 300) {
		await page.mouse.wheel(0, 300);
		await page.waitForTimeout(40);
	}
	await page.waitForTimeout(500);
	const second = page.locator('iframe').nth(1);
	await expect(second).toHaveAttribute('scrolling', 'no', { timeout: 20_000 });
	expect(logged).toEqual([]);
});

test('/embed?theme=light passes axe with zero violations', async ({ page }) => {
	// The whole story in one run: long, on a small machine.
	test.setTimeout(300_000);
	await page.goto('/embed?theme=light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await page.waitForLoadState('networkidle');
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = violations.map(
		(v) =>
			`${v.id}: ${v.help} — ${v.nodes.length} nodes, e.g. ${v.nodes
				.slice(0, 3)
				.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
				.join(' | ')}`
	);
	expect(summary).toEqual([]);
});
