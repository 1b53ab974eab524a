import { expect, test } from '@playwright/test';
import { passGate } from '../support/gate';
import { started, webFacesIn } from '../support/page';

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
	await expect(page.locator('main button.cite-mark').first()).toBeVisible();
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

test('the reading page asks for its web faces only once its first words are painted', async ({
	page,
	request
}) => {
	// A font in the head's stylesheet is fetched by the first style pass, alongside the words; a
	// preloaded one holds the first paint (RenderBlockingFonts). Neither: the stand-ins set the
	// first screen and the faces follow it.
	const head = (await (await request.get('/')).text()).split('</head>')[0]!;
	expect(head).not.toMatch(/<link\b[^>]*\bas="font"/);
	const quiet = /<noscript>(?:(?!<\/noscript>).)*?@font-face.*?<\/noscript>/s.exec(head)?.[0] ?? '';
	const live = head.replace(quiet, '');
	expect(live).not.toMatch(/@font-face\{font-family:'?(Newsreader|Inter)'?;/);
	// Without JavaScript the faces are declared in CSS, from the same list.
	expect(quiet).toMatch(/@font-face\{font-family:'Newsreader';[^}]*font-display:swap/);

	await page.goto('/');
	await webFacesIn(page);
	const timing = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
		fonts: performance
			.getEntriesByType('resource')
			.filter((r) => r.name.endsWith('.woff2'))
			.map((r) => r.startTime)
	}));
	// The four faces of the first screen (serif roman and italic, sans 400 and 600).
	expect(timing.fonts.length).toBeGreaterThanOrEqual(4);
	for (const start of timing.fonts) expect(start).toBeGreaterThanOrEqual(timing.fcp);
});

test('without JavaScript the page sets its words in the web faces', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const fonts: string[] = [];
	page.on('requestfinished', (r) => {
		if (r.url().endsWith('.woff2')) fonts.push(r.url());
	});
	await page.goto('/', { waitUntil: 'load' });
	await expect.poll(() => fonts.some((u) => u.includes('newsreader-latin-400-normal'))).toBe(true);
	expect(fonts.some((u) => u.includes('inter-latin-'))).toBe(true);
	await context.close();
});

test('lines that reach the opening late do not move the lines above them', async ({ page }) => {
	// A phone paints the opening before all of it is parsed: what is already drawn must stay put
	// when the rest arrives, as a centred block would not.
	// The last is tall enough for the opening's padding to follow the screen's height.
	for (const viewport of [
		{ width: 390, height: 844 },
		{ width: 1440, height: 900 },
		{ width: 1920, height: 1200 }
	]) {
		await page.setViewportSize(viewport);
		await page.goto('/');
		const tops = () =>
			page.evaluate(() =>
				['h1', '.dek', '.meta'].map(
					(s) => document.querySelector(`.opening ${s}`)!.getBoundingClientRect().top
				)
			);
		const before = await tops();
		await page.evaluate(() => {
			document.querySelector('.opening .spoiler')!.remove();
			document.querySelector('.opening .hint')!.remove();
		});
		expect(await tops()).toEqual(before);
	}
});

test('the local stand-ins set a line as wide as the web faces they stand in for', async ({
	page
}) => {
	await page.goto('/');
	await webFacesIn(page);
	const widths = await page.evaluate(async () => {
		const line = 'A lonely man, the parents he lost as a boy, the neighbour he once turned away';
		const width = (family: string, style: string) => {
			const probe = document.createElement('span');
			probe.style.cssText = `position:absolute;white-space:nowrap;font:${style} 400 40px ${family}`;
			probe.textContent = line;
			document.body.append(probe);
			const w = probe.getBoundingClientRect().width;
			probe.remove();
			return w;
		};
		const faces = [...document.fonts].filter((f) =>
			/ (Georgia|Noto|Times|DejaVu|Arial|Helvetica|Roboto)$/.test(f.family)
		);
		const out: { face: string; ratio: number }[] = [];
		for (const face of faces) {
			// A stand-in whose local font this machine lacks fails to load, and is skipped.
			const loaded = await face.load().then(
				() => true,
				() => false
			);
			if (!loaded) continue;
			const webFamily = face.family.split(' ')[0]!;
			out.push({
				face: `${face.family} ${face.style}`,
				ratio: width(`'${face.family}'`, face.style) / width(webFamily, face.style)
			});
		}
		return out;
	});
	// This machine has DejaVu at least; any other stand-in it has is measured too.
	expect(widths.some((w) => w.face.startsWith('Newsreader'))).toBe(true);
	expect(widths.some((w) => w.face.startsWith('Inter'))).toBe(true);
	for (const { face, ratio } of widths) expect(Math.abs(ratio - 1), face).toBeLessThan(0.02);
});

test("the scene drawings are not among the start-up's scripts; they come when a scene is wanted", async ({
	page
}) => {
	await passGate(page);
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	await page.goto('/');
	await started(page);
	await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeAttached();
	const listed = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href)
	);
	// Before the reader does anything, every script fetched is one the HTML lists (the error
	// page's module aside), and no scene is live: each chapter shows its still.
	expect(scripts.filter((u) => !listed.includes(u) && !/\/nodes\/1\./.test(u))).toEqual([]);
	await expect(page.locator('[data-scrolly-graphic][data-live]')).toHaveCount(0);

	await page.locator('#tower [data-step]').first().scrollIntoViewIfNeeded();
	await expect(page.locator('#tower [data-scrolly-graphic][data-live] figure.scene')).toBeVisible();
	expect(
		scripts.filter((u) => !listed.includes(u) && !/\/nodes\/1\./.test(u)).length
	).toBeGreaterThan(0);
});

test('the offline copy is stored once the page has settled, not during its start-up', async ({
	browser
}) => {
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const page = await context.newPage();
	try {
		await page.goto('/', { waitUntil: 'load' });
		await started(page);
		// Start-up is over; the worker is not yet registered, so it has fetched nothing.
		expect(
			await page.evaluate(
				async () => (await navigator.serviceWorker.getRegistration()) === undefined
			)
		).toBe(true);
		// Some seconds after load it is, and it takes charge of the page.
		await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, {
			timeout: 15_000
		});
	} finally {
		await context.close();
	}
});

test("the chapter menu's links are built when it first opens, and stay", async ({ page }) => {
	await passGate(page);
	await page.goto('/');
	await started(page);
	const menu = page.locator('#chapter-menu');
	await expect(page.getByRole('navigation', { name: 'Chapters' })).toBeAttached();
	await expect(menu.locator('a')).toHaveCount(0);
	const toggle = page.getByRole('button', { name: 'Chapters' });
	await toggle.click();
	await expect(menu.locator('a')).toHaveCount(await page.locator('main section.chapter').count());
	await expect(menu.locator('a').first()).toBeFocused();
	await toggle.click();
	await expect(menu).toBeHidden();
	await expect(menu.locator('a').first()).toBeAttached();
});
