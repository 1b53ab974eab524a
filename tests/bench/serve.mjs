// A small static server for build/, the way a CDN would serve it: brotli (or gzip level 9) for
// text, the response headers of README's hosting table, and prerendered routes found as
// `route.html` or `route/index.html`.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.webmanifest': 'application/manifest+json'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml']);

/** Resolves a URL path to a file under root, or undefined. */
export function resolveFile(root, pathname) {
	const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!resolve(base).startsWith(resolve(root))) return undefined;
	const candidates = [base, `${base}.html`, join(base, 'index.html')];
	return candidates.find((p) => existsSync(p) && statSync(p).isFile());
}

/** Gzip level 9, as a CDN would send it. */
export function gzipSize(buffer) {
	return gzipSync(buffer, { level: 9 }).length;
}

function compress(body, encoding) {
	return encoding === 'br'
		? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
		: gzipSync(body, { level: 9 });
}

/** README's "Response headers" table, as a host is told to send it. */
export function hostHeaders(pathname) {
	const embed = pathname === '/embed' || pathname === '/embed.html';
	const headers = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'content-security-policy': embed ? 'frame-ancestors *' : "frame-ancestors 'self'",
		'cache-control': 'no-cache'
	};
	if (!embed) headers['x-frame-options'] = 'SAMEORIGIN';
	if (pathname.startsWith('/_app/immutable/'))
		headers['cache-control'] = 'public, max-age=31536000, immutable';
	else if (pathname === '/embed.js') headers['cache-control'] = 'public, max-age=3600';
	else if (pathname === '/social.png') headers['cache-control'] = 'public, max-age=86400';
	if (pathname === '/oembed.json') headers['access-control-allow-origin'] = '*';
	return headers;
}

const cacheKey = (file, encoding) => `${file}:${statSync(file).mtimeMs}:${encoding}`;

/**
 * Compresses every text file under root ahead of time, as a CDN holds its copies: compressed on
 * the first request instead, the page's scripts took brotli's longest setting (tens of ms each) on
 * this machine's two cores while the first measured load was running.
 */
function warmCache(root, cache, encodings) {
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		const file = join(entry.parentPath ?? entry.path, entry.name);
		if (!entry.isFile() || !COMPRESSIBLE.has(extname(file))) continue;
		const body = readFileSync(file);
		for (const encoding of encodings) cache.set(cacheKey(file, encoding), compress(body, encoding));
	}
}

export function startServer({ root, port, warm = [] }) {
	const cache = new Map();
	warmCache(root, cache, warm);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const file = resolveFile(root, url.pathname);
		if (!file) {
			const notFound = resolveFile(root, '/404');
			res.writeHead(404, { 'content-type': TYPES['.html'] });
			res.end(notFound ? readFileSync(notFound) : 'Not found');
			return;
		}
		const ext = extname(file);
		const headers = {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			...hostHeaders(url.pathname)
		};
		let body = readFileSync(file);
		const accept = String(req.headers['accept-encoding'] ?? '');
		const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
		if (COMPRESSIBLE.has(ext) && encoding) {
			const key = cacheKey(file, encoding);
			if (!cache.has(key)) cache.set(key, compress(body, encoding));
			body = cache.get(key);
			headers['content-encoding'] = encoding;
			headers.vary = 'accept-encoding';
		}
		headers['content-length'] = body.length;
		res.writeHead(200, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, () => ok(server));
	});
}
