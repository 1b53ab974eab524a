/**
 * The prerendered site from build/, with the headers README's Hosting table asks of a host:
 * gzip, long caching for hashed files, short for the rest, and the framing rules that only work
 * as real headers. Student links /join/<code> all get the one prerendered join page.
 *
 * The build does not change while the server runs, so its files are listed once at start and a
 * request is looked up in that list: a path that names no file is a 404 before the disk is asked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';

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

function setHeaders(c: Context, file: string, stats: { size: number; mtimeMs: number }) {
	c.header('ETag', `W/"${stats.size}-${Math.floor(stats.mtimeMs)}"`);
	c.header('X-Content-Type-Options', 'nosniff');
	c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (file === '/embed.html') {
		c.header('Content-Security-Policy', 'frame-ancestors *');
	} else {
		c.header('Content-Security-Policy', "frame-ancestors 'self'");
		c.header('X-Frame-Options', 'SAMEORIGIN');
	}
	if (file.startsWith('/_app/immutable/')) {
		c.header('Cache-Control', 'public, max-age=31536000, immutable');
	} else if (file === '/embed.js') {
		c.header('Cache-Control', 'public, max-age=3600');
	} else if (file === '/social.png') {
		c.header('Cache-Control', 'public, max-age=86400');
	} else if (file === '/oembed.json') {
		c.header('Content-Type', 'application/json; charset=utf-8');
		c.header('Access-Control-Allow-Origin', '*');
	} else {
		// Pages and the service worker: always revalidated, so a new build is seen at once.
		c.header('Cache-Control', 'no-cache');
	}
}

/** The site as a Hono app; a path with no file falls through to the caller's 404. */
export function createStatic(dir: string) {
	const files = listFiles(dir);
	const notFoundPage = files.has('/404.html') ? readFileSync(join(dir, '404.html')) : null;
	const site = new Hono();
	site.use('*', etag(), compress({ threshold: 1024 }));
	site.get(
		'*',
		serveStatic({
			root: dir,
			rewriteRequestPath: (path) => fileFor(files, path) ?? '/\0missing',
			onFound: (path, c) => {
				const file = `/${relative(dir, path).split(sep).join('/')}`;
				setHeaders(c, file, statSync(path));
			}
		})
	);
	site.all('*', (c) =>
		notFoundPage
			? c.body(notFoundPage, 404, { 'Content-Type': 'text/html; charset=utf-8' })
			: c.text('Not found', 404)
	);
	return site;
}
