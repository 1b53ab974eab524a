import { expect, test } from '@playwright/test';

test('link previews: canonical, Open Graph, Twitter card, oEmbed discovery, JSON-LD, no CSP violation', async ({
	page,
	request
}) => {
	await page.addInitScript(() => {
		(window as unknown as { violations: string[] }).violations = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { violations: string[] }).violations.push(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	await page.goto('/');
	const meta = (p: string) => page.locator(`meta[property="${p}"], meta[name="${p}"]`);
	await expect(meta('description')).toHaveAttribute('content', /.{50,}/);
	for (const p of [
		'og:title',
		'og:description',
		'og:url',
		'og:image',
		'twitter:title',
		'twitter:image'
	])
		await expect(meta(p)).toHaveAttribute('content', /.+/);
	await expect(meta('og:type')).toHaveAttribute('content', 'article');
	await expect(meta('og:image:width')).toHaveAttribute('content', '1200');
	await expect(meta('og:image:height')).toHaveAttribute('content', '630');
	await expect(meta('twitter:card')).toHaveAttribute('content', 'summary_large_image');
	const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
	expect(canonical).toMatch(/^https?:\/\/[^/]+.*\/$/);
	await expect(meta('og:url')).toHaveAttribute('content', canonical!);

	const oembed = page.locator('link[rel="alternate"][type="application/json+oembed"]');
	expect(new URL((await oembed.getAttribute('href'))!).pathname).toBe('/oembed.json');

	const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article' });
	expect(ld.headline).toContain('All of Us Strangers');
	expect(ld.image[0]).toBe(await meta('og:image').getAttribute('content'));

	// The image the tags point at: a real 1200×630 PNG.
	const png = await (await request.get('/social.png')).body();
	expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

	const json = await (await request.get('/oembed.json')).json();
	expect(json).toMatchObject({
		version: '1.0',
		type: 'rich',
		thumbnail_width: 1200,
		thumbnail_height: 630
	});
	for (const k of ['title', 'provider_name', 'provider_url', 'html', 'thumbnail_url'])
		expect(json[k]).toBeTruthy();
	expect(Number.isInteger(json.width) && Number.isInteger(json.height)).toBe(true);
	expect(json.provider_url).toMatch(/^https?:\/\//);
	expect(json.thumbnail_url).toMatch(/^https?:\/\/.*\/social\.png$/);

	await page.waitForTimeout(300);
	expect(
		await page.evaluate(() => (window as unknown as { violations: string[] }).violations)
	).toEqual([]);
});

test.describe('share panel', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('copies a link to the current chapter and its embed code, by keyboard', async ({
		page,
		baseURL
	}) => {
		await page.goto('/#home');
		const trigger = page.getByRole('button', { name: 'Share or embed' });
		await trigger.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Share or embed' });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('radio', { name: /This chapter: Home/ })).toBeChecked();
		await expect(dialog.getByLabel('Link')).toHaveValue(`${baseURL}/#home`);

		await dialog.getByRole('button', { name: 'Copy link' }).focus();
		await page.keyboard.press('Enter');
		const status = dialog.getByRole('status');
		await expect(status).toHaveText('Link copied.');
		await expect(status).toHaveAttribute('aria-live', 'polite');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/#home`);

		await dialog.getByRole('button', { name: 'Copy embed code' }).click();
		await expect(status).toHaveText('Embed code copied.');
		const code = await page.evaluate(() => navigator.clipboard.readText());
		expect(code).toContain(`src="${baseURL}/embed/home"`);
		expect(code).toContain(`<script src="${baseURL}/embed.js" async></script>`);

		// The whole story, for a light page.
		await dialog.getByRole('radio', { name: 'The whole story' }).check();
		await dialog.getByRole('checkbox', { name: /light/ }).check();
		await expect(dialog.getByLabel('Link')).toHaveValue(`${baseURL}/`);
		await expect(dialog.getByLabel('Embed code for your page')).toHaveValue(
			new RegExp(`src="${baseURL}/embed\\?theme=light"`)
		);

		const qr = dialog.getByRole('img', { name: `QR code for ${baseURL}/` });
		await expect(qr).toBeVisible();
		expect((await qr.locator('path').getAttribute('d'))!.length).toBeGreaterThan(200);

		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(trigger).toBeFocused();
	});
});

test('without a clipboard API, copying selects the text and says how to copy it', async ({
	page,
	baseURL
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
	});
	await page.goto('/');
	await page.getByRole('button', { name: 'Share or embed' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByRole('button', { name: 'Copy link' }).click();
	await expect(dialog.getByRole('status')).toContainText('selected');
	const field = dialog.getByLabel('Link');
	await expect(field).toBeFocused();
	expect(
		await field.evaluate((el: HTMLInputElement) =>
			el.value.slice(el.selectionStart!, el.selectionEnd!)
		)
	).toBe(`${baseURL}/`);
});
