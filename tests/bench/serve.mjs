// A small static server for build/, the way a CDN would serve it: gzip (level 9) for text,
// long cache lifetimes for hashed assets, and prerendered routes found as `route.html` or
// `route/index.html`.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

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

export function startServer({ root, port }) {
	const cache = new Map();
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
			'cache-control': url.pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		};
		let body = readFileSync(file);
		if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
			const key = `${file}:${statSync(file).mtimeMs}`;
			if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
			body = cache.get(key);
			headers['content-encoding'] = 'gzip';
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
