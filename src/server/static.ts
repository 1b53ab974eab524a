/**
 * The prerendered site from build/, with the headers README's Hosting table asks of a host:
 * gzip, long caching for hashed files, short for the rest, and the framing rules that only work
 * as real headers. Student links /join/<code> all get the one prerendered join page.
 *
 * The build does not change while the server runs, so its files are listed once at start and a
 * request is looked up in that list: a path that names no file is a 404 before the disk is asked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { oembedFor, STORY_OEMBED_PATH } from '../lib/embed/oembed';

function listFiles(dir: string): Set<string> {
	const files = new Set<string>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files.add(`/${relative(dir, path).split(sep).join('/')}`);
	}
	return files;
}

/** Where a clean URL's page is: `/present` is present.html, `/` is index.html. */
function fileFor(files: Set<string>, path: string): string | undefined {
	// /join/ABC123 is one page for every room: the page reads the code from the address.
	if (/^\/join\/[^/]+\/?$/.test(path)) return '/join/room.html';
	const bare = path.length > 1 ? path.replace(/\/+$/, '') : '';
	for (const candidate of [bare, `${bare}.html`, `${bare}/index.html`]) {
		if (files.has(candidate)) return candidate;
	}
	return undefined;
}

function setHeaders(h: Headers, file: string) {
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	// The embeds, whole and by chapter, are the pages another site may frame.
	if (file === '/embed.html' || /^\/embed\/[^/]+\.html$/.test(file)) {
		h.set('Content-Security-Policy', 'frame-ancestors *');
	} else {
		h.set('Content-Security-Policy', "frame-ancestors 'self'");
		h.set('X-Frame-Options', 'SAMEORIGIN');
	}
	if (file.startsWith('/_app/immutable/')) {
		h.set('Cache-Control', 'public, max-age=31536000, immutable');
	} else if (file === '/embed.js') {
		h.set('Cache-Control', 'public, max-age=3600');
	} else if (file === '/social.png') {
		h.set('Cache-Control', 'public, max-age=86400');
	} else if (file === STORY_OEMBED_PATH || /^\/oembed\/[^/]+\.json$/.test(file)) {
		h.set('Content-Type', 'application/json; charset=utf-8');
		h.set('Access-Control-Allow-Origin', '*');
		h.set('Cache-Control', 'no-cache');
	} else {
		// Pages and the service worker: always revalidated, so a new build is seen at once.
		h.set('Cache-Control', 'no-cache');
	}
}

/**
 * What `/oembed.json?url=` may name: the site's own address, as the build wrote it into its
 * oEmbed document (PUBLIC_SITE_URL), and the chapters that have a document of their own.
 */
function oembedSite(dir: string, files: Set<string>) {
	let site: string | null = null;
	try {
		const doc = JSON.parse(readFileSync(join(dir, 'oembed.json'), 'utf8')) as {
			provider_url?: unknown;
		};
		if (typeof doc.provider_url === 'string') site = doc.provider_url.replace(/\/+$/, '');
	} catch {
		// No document: only the request's own origin is ours.
	}
	const chapters = [...files].flatMap((f) => {
		const m = /^\/oembed\/([^/]+)\.json$/.exec(f);
		return m ? [decodeURIComponent(m[1]!)] : [];
	});
	return { site, chapters };
}

/**
 * oEmbed's query (§2.2): `url` names a page or a chapter of this site, answered with that
 * chapter's document; a URL that is not ours is a 404, and a format other than JSON a 501, as the
 * spec asks. Without `url` the whole story's document is served as a file.
 */
function oembedQuery(dir: string, files: Set<string>) {
	const { site, chapters } = oembedSite(dir, files);
	return (c: Context) => {
		const url = c.req.query('url');
		if (url === undefined) return undefined;
		if ((c.req.query('format') ?? 'json') !== 'json') {
			return c.json({ error: 'only format=json is served' }, 501);
		}
		const origin = new URL(c.req.url).origin;
		const target =
			(site ? oembedFor(url, site, chapters) : null) ?? oembedFor(url, origin, chapters);
		if (!target || !files.has(target.path)) {
			return c.json({ error: 'that URL is not a page or chapter of this story' }, 404, {
				'Access-Control-Allow-Origin': '*'
			});
		}
		return c.body(readFileSync(join(dir, target.path)), 200, {
			'Content-Type': 'application/json; charset=utf-8',
			'Access-Control-Allow-Origin': '*',
			'Cache-Control': 'no-cache',
			'X-Content-Type-Options': 'nosniff'
		});
	};
}

/** The site as a Hono app; a path with no file falls through to the caller's 404. */
export function createStatic(dir: string) {
	const files = listFiles(dir);
	const notFoundPage = files.has('/404.html') ? readFileSync(join(dir, '404.html')) : null;
	const site = new Hono();
	site.use('*', etag(), compress({ threshold: 1024 }));
	const oembed = oembedQuery(dir, files);
	site.get(STORY_OEMBED_PATH, async (c, next) => oembed(c) ?? next());
	// The host's headers go on the finished response: serveStatic has built its answer before its
	// own `onFound` hook runs, so headers set there never reach the wire.
	site.use('*', async (c, next) => {
		await next();
		const file = fileFor(files, c.req.path);
		if (file && c.res.status < 400) setHeaders(c.res.headers, file);
	});
	site.get(
		'*',
		serveStatic({
			root: dir,
			rewriteRequestPath: (path) => fileFor(files, path) ?? '/\0missing'
		})
	);
	site.all('*', (c) =>
		notFoundPage
			? c.body(notFoundPage, 404, { 'Content-Type': 'text/html; charset=utf-8' })
			: c.text('Not found', 404)
	);
	return site;
}
