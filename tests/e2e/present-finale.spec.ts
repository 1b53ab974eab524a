import { expect, test, type Page } from '@playwright/test';
import { pixelShare } from '../support/pixels';
/** Share of the PNG's pixels brighter than the night (r + g + b over 120): stars, still or live. */
const lit = (page: Page, png: Buffer) => pixelShare(page, png, 121);

async function goTo(page: Page, n: number) {
	await page.keyboard.press('g');
	await page.locator('[data-goto] input').fill(String(n));
	await page.keyboard.press('Enter');
}

test('a jump with G to the finale shows a sky all along: the still, then the live stars', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/present');
	await page.locator('[data-ready]').waitFor();
	// The finale's first slide, from the overview's "58 · 1 slide".
	const meta = await page
		.locator('[data-overview] [data-chapter-link="finale"] .o-meta')
		.evaluate((el) => el.textContent ?? '');
	const first = Number(/^(\d+)/.exec(meta.trim())?.[1]);
	expect(first).toBeGreaterThan(1);
	await goTo(page, first);
	await expect(page.locator('[data-counter]')).toHaveText(new RegExp(`^${first} / `));

	const scene = page.locator('[data-present] .stage > .scene');
	const samples: string[] = [];
	let engineSeen = 0;
	// Until the live sky has drawn for a while: every look must find stars on the right half.
	for (let i = 0; i < 60 && engineSeen < 4; i++) {
		const engine = await page.locator('[data-starfield][data-engine]').count();
		const share = await lit(page, await scene.screenshot());
		samples.push(`${engine ? 'live' : 'still'} ${share.toFixed(4)}`);
		if (engine) engineSeen++;
		expect(share, samples.join(', ')).toBeGreaterThan(0.001);
	}
	expect(engineSeen, samples.join(', ')).toBeGreaterThan(0);
});
