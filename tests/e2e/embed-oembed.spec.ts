import { expect, test } from '@playwright/test';

/** The discovery link's document, fetched from the server under test (the build's site URL aside). */
async function discovered(page: import('@playwright/test').Page) {
	const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
	await expect(link).toHaveCount(1);
	return new URL((await link.getAttribute('href'))!).pathname;
}

test('each chapter’s embed page names its own oEmbed document, and that document embeds it', async ({
	page,
	request
}) => {
	const story = await (await request.get('/story.json')).json();
	const chapters: { id: string; title: string }[] = story.chapters;
	expect(chapters.length).toBeGreaterThan(10);
	const seen = new Set<string>();
	for (const { id, title } of chapters) {
		await page.goto(`/embed/${id}`);
		await expect(page.locator('main section[id]')).toHaveCount(1);
		await expect(page.locator(`section#${id}`)).toHaveCount(1);
		const path = await discovered(page);
		expect(path).toBe(`/oembed/${id}.json`);
		const res = await request.get(path);
		expect(res.ok()).toBe(true);
		const doc = await res.json();
		expect(doc).toMatchObject({ version: '1.0', type: 'rich' });
		expect(doc.title).toContain(title);
		expect(doc.html).toMatch(new RegExp(`<iframe src="[^"]*/embed/${id}"`));
		expect(doc.html).toContain(`height="${doc.height}"`);
		seen.add(doc.html);
	}
	// Every chapter its own snippet, none of them the whole story's.
	const whole = await (await request.get('/oembed.json')).json();
	expect(seen.size).toBe(chapters.length);
	expect(seen.has(whole.html)).toBe(false);
});

test('the whole-story embed names /oembed.json, which embeds the whole story', async ({
	page,
	request
}) => {
	await page.goto('/embed');
	expect(await discovered(page)).toBe('/oembed.json');
	const doc = await (await request.get('/oembed.json')).json();
	expect(doc.html).toMatch(/<iframe src="[^"]*\/embed"/);
});

test('a chapter embed page for no chapter is not built', async ({ request }) => {
	expect((await request.get('/embed/no-such-chapter')).status()).toBe(404);
	expect((await request.get('/oembed/no-such-chapter.json')).status()).toBe(404);
});
