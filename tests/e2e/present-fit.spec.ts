import { expect, test } from '@playwright/test';
import { deckProblems, PROJECTORS, settled, slideProblems } from './slide-fit';

/*
 * Every slide of the deck fits the projectors a classroom has: nothing leaves the slide, nothing
 * is clipped by overflow, no line sits under a control. Reduced motion shows each slide in its
 * final state at once, which is the state a room reads.
 */
for (const size of PROJECTORS) {
	test(`every slide fits at ${size.width}x${size.height}`, async ({ page }) => {
		test.setTimeout(180_000);
		await page.setViewportSize(size);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/present');
		await page.locator('[data-ready]').waitFor();
		expect(await deckProblems(page)).toEqual([]);
	});
}

test('the check sees a slide that does not fit', async ({ page }) => {
	await page.setViewportSize(PROJECTORS[0]);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/present#words-feeling');
	await page.locator('[data-ready]').waitFor();
	await settled(page);
	expect(await slideProblems(page)).toEqual([]);
	// Set at full size, the quotations of "In their own words" run out of their pane.
	await page.addStyleTag({ content: '.scene-root { zoom: 1 !important }' });
	expect((await slideProblems(page)).join('\n')).toMatch(/clipped by|leaves the slide/);
});
