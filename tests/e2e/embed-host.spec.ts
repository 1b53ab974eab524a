import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { article, startHost, type Host } from './embed-host';

let host: Host;
test.beforeAll(async () => {
	host = await startHost();
});
test.afterAll(async () => {
	await host.close();
});

/** The embed's own measure of its content: what the iframe should be sized to. */
const contentHeight = (frame: Frame) =>
	frame.evaluate(() => Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().bottom));

async function embedFrame(iframe: Locator) {
	const frame = await (await iframe.elementHandle())!.contentFrame();
	expect(frame).not.toBeNull();
	return frame!;
}

/** Scrolls the host so the frame's `index`-th step sits at the middle of the host viewport. */
async function scrollHostToStep(page: Page, iframe: Locator, frame: Frame, index: number) {
	const { id, top } = await frame.evaluate((i) => {
		const el = document.querySelectorAll<HTMLElement>('[data-step]')[i]!;
		return { id: el.dataset.step!, top: el.getBoundingClientRect().top + 40 };
	}, index);
	await iframe.evaluate((el, top) => {
		const frameTop = el.getBoundingClientRect().top + scrollY;
		scrollTo(0, frameTop + top - innerHeight / 2);
	}, top);
	return id;
}

function collectErrors(page: Page) {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
	return errors;
}

test('the oEmbed snippet, pasted into another site, grows to its content and follows the scroll', async ({
	page,
	request,
	baseURL
}) => {
	const errors = collectErrors(page);
	const oembed = await (await request.get('/oembed.json')).json();
	expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
	// The build's site URL is whatever PUBLIC_SITE_URL said; point it at the server under test.
	const site = String(oembed.provider_url).replace(/\/$/, '');
	const snippet = String(oembed.html).replaceAll(site, baseURL!);
	expect(snippet).toMatch(/<iframe [^>]*title="[^"]+"/);
	expect(snippet).toMatch(/<script src="[^"]+\/embed\.js" async><\/script>/);

	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(host.page('/oembed.html', article(snippet)));
	const iframe = page.locator('iframe[data-strangers-embed]');
	await expect(iframe).toHaveAttribute('title', oembed.title);
	await expect(iframe).toHaveAttribute('loading', 'lazy');
	await iframe.scrollIntoViewIfNeeded();
	const frame = await embedFrame(iframe);

	// The whole story opens on its spoiler warning, the frame as tall as the warning.
	const warning = frame.locator('[data-spoiler-warning]');
	await expect(warning).toBeVisible();
	await expect.poll(async () => (await iframe.boundingBox())!.height).toBeLessThan(600);
	await warning.getByRole('button').click();
	await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(1000);
	// Sized to the content, and settled (no feedback between the frame's height and its layout).
	await expect
		.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight(frame))))
		.toBeLessThanOrEqual(1);
	const settled = (await iframe.boundingBox())!.height;
	await page.waitForTimeout(600);
	expect((await iframe.boundingBox())!.height).toBe(settled);
	expect(await frame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
		Math.ceil(settled) + 1
	);

	const steps = await frame.locator('[data-step]').count();
	for (const i of [1, Math.floor(steps / 2), steps - 2]) {
		const id = await scrollHostToStep(page, iframe, frame, i);
		await expect(frame.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
	}
	expect(errors).toEqual([]);
});

test('a real pym.js parent with trackscroll resizes the frame and drives its active step', async ({
	page,
	baseURL
}) => {
	const errors = collectErrors(page);
	await page.setViewportSize({ width: 1024, height: 768 });
	const html = article(
		`<div id="strangers"></div>
		<script src="/pym.v1.min.js"></script>
		<script>window.pymParent = new pym.Parent('strangers', '${baseURL}/embed', { trackscroll: true, title: 'All of Us Strangers' });</script>`
	);
	await page.goto(host.page('/pym.html', html));
	const iframe = page.locator('#strangers iframe');
	await expect(iframe).toHaveAttribute('src', /childId=strangers/);
	const frame = await embedFrame(iframe);
	await frame.locator('[data-spoiler-warning]').getByRole('button').click();
	await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(1000);
	await expect
		.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight(frame))))
		.toBeLessThanOrEqual(1);

	// Nothing is active while the frame is still below the fold.
	await expect(frame.locator('[aria-current="step"]')).toHaveCount(0);
	const seen = new Set<string>();
	const steps = await frame.locator('[data-step]').count();
	for (const i of [0, 3, Math.floor(steps / 2), steps - 1]) {
		const id = await scrollHostToStep(page, iframe, frame, i);
		await expect(frame.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
		seen.add(id);
	}
	expect(seen.size).toBe(4);
	expect(errors).toEqual([]);
});

test('?chapter= embeds one chapter, and the loader handles two embeds on one page', async ({
	page,
	baseURL
}) => {
	const errors = collectErrors(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	const html = article(
		`<div data-strangers-embed data-chapter="home" data-title="The story: Home"><a href="${baseURL}/#home">Read the chapter</a></div>
		<p>Between the two embeds, the article goes on for a paragraph or two.</p>
		<div data-strangers-embed data-chapter="goodbye" data-theme="light"></div>
		<script src="${baseURL}/embed.js" async></script>
		<script src="${baseURL}/embed.js" async></script>`
	);
	await page.goto(host.page('/two.html', html));
	const iframes = page.locator('iframe');
	await expect(iframes).toHaveCount(2);
	await expect(iframes.nth(0)).toHaveAttribute('title', 'The story: Home');
	await expect(iframes.nth(1)).toHaveAttribute('title', /All of Us Strangers/);
	await expect(iframes.nth(0)).toHaveAttribute(
		'src',
		`${baseURL}/embed?chapter=home&childId=strangers-1`
	);
	await expect(iframes.nth(1)).toHaveAttribute(
		'src',
		`${baseURL}/embed?chapter=goodbye&theme=light&childId=strangers-2`
	);

	const frames: Frame[] = [];
	for (const [i, chapter] of [
		[0, 'home'],
		[1, 'goodbye']
	] as const) {
		const iframe = iframes.nth(i);
		await iframe.scrollIntoViewIfNeeded();
		const frame = await embedFrame(iframe);
		frames.push(frame);
		await expect(frame.locator('section')).toHaveCount(1);
		await expect(frame.locator(`section#${chapter}`)).toHaveCount(1);
		await expect
			.poll(async () =>
				Math.abs((await iframe.boundingBox())!.height - (await contentHeight(frame)))
			)
			.toBeLessThanOrEqual(1);
	}
	await expect(frames[1]!.locator('html')).toHaveAttribute('data-theme', 'light');
	// Each frame follows the host's scroll on its own.
	for (const [i, frame] of frames.entries()) {
		const n = await frame.locator('[data-step]').count();
		for (const k of [0, n - 1]) {
			const id = await scrollHostToStep(page, iframes.nth(i), frame, k);
			await expect(frame.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
		}
	}
	expect(errors).toEqual([]);
});

test('the frame speaks all three height dialects and ignores messages of any other shape', async ({
	page,
	baseURL
}) => {
	const errors = collectErrors(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	const html = article(
		`<div data-strangers-embed data-chapter="tower"></div>
		<script src="${baseURL}/embed.js" async></script>`,
		{
			head: `<script>window.heard = []; addEventListener('message', (e) => heard.push(e.data));</script>`
		}
	);
	await page.goto(host.page('/junk.html', html));
	const iframe = page.locator('iframe');
	const frame = await embedFrame(iframe);
	await expect
		.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight(frame))))
		.toBeLessThanOrEqual(1);
	const height = await contentHeight(frame);
	const heard = await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
	expect(heard).toContainEqual(`pymxPYMxstrangers-1xPYMxheightxPYMx${height}`);
	expect(heard).toContainEqual({ sentinel: 'amp', type: 'embed-size', height });
	expect(heard).toContainEqual({ type: 'strangers:height', height });

	const id = await scrollHostToStep(page, iframe, frame, 1);
	await expect(frame.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
	const before = (await iframe.boundingBox())!.height;

	// Junk into the frame: none of it may move the active step (each would put the first step
	// or nothing at all under the trigger line if it were believed).
	await iframe.evaluate((el) => {
		const w = (el as HTMLIFrameElement).contentWindow!;
		const good = {
			type: 'strangers:viewport',
			vw: 1280,
			vh: 800,
			top: 5000,
			left: 0,
			bottom: 9000,
			right: 1280
		};
		const junk: unknown[] = [
			'pymxPYMxotherxPYMxviewport-iframe-positionxPYMx1280 800 5000 0 9000 1280',
			'pymxPYMxstrangers-1xPYMxviewport-iframe-positionxPYMx1280 800 5000 0 9000',
			'pymxPYMxstrangers-1xPYMxviewport-iframe-positionxPYMx1280 800 NaN 0 9000 1280',
			JSON.stringify(good),
			{ ...good, extra: true },
			{ ...good, top: '5000' },
			{ ...good, type: 'strangers:height' },
			[1280, 800, 5000, 0, 9000, 1280],
			null,
			42,
			{ sentinel: 'amp', type: 'embed-size', height: 5 }
		];
		for (const m of junk) w.postMessage(m, '*');
	});
	// Junk into the host: a height message not from our origin must not resize the frame.
	await page.evaluate(() => {
		postMessage({ type: 'strangers:height', height: 50 }, '*');
		postMessage({ type: 'strangers:height', height: 'tall' }, '*');
	});
	await page.waitForTimeout(500);
	await expect(frame.locator('[aria-current="step"]')).toHaveAttribute('data-step', id);
	expect((await iframe.boundingBox())!.height).toBe(before);

	// The same channel with a well-formed message does move it: the test above was not vacuous.
	await iframe.evaluate((el) => {
		(el as HTMLIFrameElement).contentWindow!.postMessage(
			{
				type: 'strangers:viewport',
				vw: 1280,
				vh: 800,
				top: 5000,
				left: 0,
				bottom: 9000,
				right: 1280
			},
			'*'
		);
	});
	await expect(frame.locator('[aria-current="step"]')).toHaveCount(0);
	expect(errors).toEqual([]);
});
