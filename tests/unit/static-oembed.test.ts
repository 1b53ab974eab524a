import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatic } from '../../src/server/static';

// A built site in miniature: the files the server's static half reads for oEmbed and framing.
const SITE = 'https://news.example/strangers';
let dir: string;
let app: ReturnType<typeof createStatic>;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'static-oembed-'));
	mkdirSync(join(dir, 'oembed'));
	mkdirSync(join(dir, 'embed'));
	writeFileSync(
		join(dir, 'oembed.json'),
		JSON.stringify({ title: 'story', provider_url: `${SITE}/` })
	);
	writeFileSync(join(dir, 'oembed', 'home.json'), JSON.stringify({ title: 'home' }));
	writeFileSync(join(dir, 'embed.html'), '<p>story</p>');
	writeFileSync(join(dir, 'embed', 'home.html'), '<p>home</p>');
	writeFileSync(join(dir, 'index.html'), '<p>page</p>');
	app = createStatic(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (path: string) => app.request(`http://localhost${path}`);
const ask = (url: string, extra = '') => get(`/oembed.json?url=${encodeURIComponent(url)}${extra}`);

describe('/oembed.json?url=', () => {
	it('answers a chapter URL with that chapter’s document, as JSON any site may read', async () => {
		for (const url of [`${SITE}/#home`, `${SITE}/embed/home`, `${SITE}/embed?chapter=home`]) {
			const res = await ask(url);
			expect(res.status, url).toBe(200);
			expect(res.headers.get('content-type')).toMatch(/^application\/json/);
			expect(res.headers.get('access-control-allow-origin')).toBe('*');
			expect(await res.json()).toEqual({ title: 'home' });
		}
	});

	it('answers the reading page, or a fragment that names no chapter, with the whole story', async () => {
		for (const url of [`${SITE}/`, `${SITE}/#step-3`, `${SITE}/embed`]) {
			expect(((await (await ask(url)).json()) as { title: string }).title, url).toBe('story');
		}
	});

	it('takes the address the server is reached at as its own too', async () => {
		expect(await (await ask('http://localhost/#home')).json()).toEqual({ title: 'home' });
	});

	it('refuses a URL that is not one of ours with a 404, and XML with a 501', async () => {
		for (const url of ['https://elsewhere.example/#home', `${SITE}/embed/nope`, 'not a url', '']) {
			const res = await ask(url);
			expect(res.status, url).toBe(404);
			expect(((await res.json()) as { error: string }).error).toMatch(/not a page or chapter/);
		}
		expect((await ask(`${SITE}/`, '&format=xml')).status).toBe(501);
	});

	it('serves the file itself without a query', async () => {
		const res = await get('/oembed.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(((await res.json()) as { title: string }).title).toBe('story');
	});
});

describe('framing', () => {
	it('lets any site frame the embeds, whole and by chapter, and no other page', async () => {
		for (const path of ['/embed', '/embed/home']) {
			const res = await get(path);
			expect(res.status, path).toBe(200);
			expect(res.headers.get('content-security-policy'), path).toBe('frame-ancestors *');
			expect(res.headers.get('x-frame-options'), path).toBeNull();
		}
		const page = await get('/');
		expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
		expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
	});
});
