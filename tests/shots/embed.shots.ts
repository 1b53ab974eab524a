import { expect, test, type Page } from '@playwright/test';
import { article, startHost, type Host } from '../e2e/embed-host';

/** Screenshots to look at, not assertions: `npm run shots` writes them to test-results/shots. */
const DIR = process.env.SHOTS ?? 'test-results/shots';

let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host?.close();
});

async function settle(page: Page) {
	await page.waitForTimeout(700);
}

test('host article with the story embedded', async ({ page, baseURL }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	const url = host.page(
		'/shot.html',
		article(
			`<div data-strangers-embed><a href="${baseURL}/">All of Us Strangers, the ending explained</a></div><script src="${baseURL}/embed.js" async></script>`
		)
	);
	await page.goto(url);
	const iframe = page.locator('iframe');
	await page.screenshot({ path: `${DIR}/embed-host-above.png` });
	await iframe.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(1000);
	const box = async () => iframe.evaluate((el) => el.getBoundingClientRect().top + scrollY);
	await page.evaluate((y) => scrollTo(0, y - 120), await box());
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-host-top.png` });
	const h = (await iframe.boundingBox())!.height;
	await page.evaluate((y) => scrollTo(0, y), (await box()) + h * 0.45);
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-host-middle.png` });
	await page.evaluate((y) => scrollTo(0, y), (await box()) + h - 400);
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-host-end.png` });

	await page.setViewportSize({ width: 390, height: 844 });
	await settle(page);
	await page.evaluate(
		(y) => scrollTo(0, y),
		(await box()) + (await iframe.boundingBox())!.height * 0.3
	);
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-host-mobile.png` });
});

test('a light chapter embed, flat mode, and an unknown chapter', async ({ page, baseURL }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	const url = host.page(
		'/light.html',
		article(
			`<div data-strangers-embed data-chapter="home" data-theme="light"></div><script src="${baseURL}/embed.js" async></script>`
		)
	);
	await page.goto(url);
	const iframe = page.locator('iframe');
	await iframe.scrollIntoViewIfNeeded();
	await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(800);
	const top = await iframe.evaluate((el) => el.getBoundingClientRect().top + scrollY);
	await page.evaluate((y) => scrollTo(0, y + 500), top);
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-host-light.png` });

	await page.goto('/embed?chapter=knock&mode=flat');
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-flat.png` });
	await page.goto('/embed?chapter=nope');
	await settle(page);
	await page.screenshot({ path: `${DIR}/embed-unknown.png` });
});

test('share panel', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/#home');
	await settle(page);
	await page.getByRole('button', { name: 'Share or embed' }).click();
	await settle(page);
	await page.screenshot({ path: `${DIR}/share-panel.png` });
});
