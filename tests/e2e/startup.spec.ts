import { expect, test } from '@playwright/test';
import { passGate } from '../support/gate';
import { started } from '../support/page';

const PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;

test("the story's module preloads close its body, and the classroom's open its head", async ({
	request
}) => {
	const story = await (await request.get('/')).text();
	const [head, body] = story.split('</head>');
	expect(head!.match(PRELOAD)).toBeNull();
	const listed = body!.match(PRELOAD) ?? [];
	expect(listed.length).toBeGreaterThan(10);
	// Nothing after them but the end of the body: they are found once the words have arrived.
	expect(body!.slice(body!.lastIndexOf(listed.at(-1)!))).toMatch(/^<link[^>]*>\s*<\/body>/);

	const classroom = await (await request.get('/present')).text();
	expect(classroom.split('</head>')[0]!.match(PRELOAD)?.length ?? 0).toBeGreaterThan(5);
});

test('starting the reading page adds no preload for a module its HTML already lists', async ({
	page
}) => {
	await page.goto('/');
	const listed = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href)
	);
	await started(page);
	// The top bar is the last of the start-up's separate tasks to show itself.
	await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeAttached();
	const after = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href)
	);
	const added = after.filter((href) => !listed.includes(href));
	// The error page's module is not among the reading page's own, so it may still be added.
	expect(added.filter((href) => !/\/nodes\/1\./.test(href))).toEqual([]);
	expect(new Set(after).size).toBe(after.length);
});

test('the start-up comes in steps: the page lives first, its chrome follows, all of it works', async ({
	page
}) => {
	await passGate(page);
	await page.goto('/');
	await started(page);
	// Each arrives in a task after the hydration one; each is there once the page has settled.
	await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeAttached();
	await expect(page.getByRole('button', { name: 'Share or embed' })).toBeVisible();
	await expect(page.locator('main button.cite-mark').first()).toBeAttached();
	await expect(page.locator('main sup.cite > a[href^="#source-"]')).toHaveCount(0);
	// The scroll engine has measured: scrolling into the first chapter makes a step current.
	await page.evaluate(() =>
		document.querySelector('section.chapter [data-step]')!.scrollIntoView()
	);
	await expect(page.locator('[data-step][aria-current="step"]')).toHaveCount(1);
});

test("the share panel's form is built when the panel first opens, not at start-up", async ({
	page
}) => {
	await passGate(page);
	await page.goto('/');
	await started(page);
	const dialog = page.locator('dialog.share');
	await expect(dialog).toBeAttached();
	await expect(dialog.locator('input, textarea, fieldset')).toHaveCount(0);
	await page.getByRole('button', { name: 'Share or embed' }).click();
	const open = page.getByRole('dialog', { name: 'Share or embed' });
	await expect(open).toBeVisible();
	await expect(open.getByRole('textbox', { name: 'Link' })).toHaveValue(
		/^http:\/\/localhost:\d+\//
	);
});
