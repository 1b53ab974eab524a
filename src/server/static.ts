/**
 * The prerendered site from build/, with the headers README's Hosting table asks of a host:
 * gzip, long caching for hashed files, short for the rest, and the framing rules that only work
 * as real headers. Student links /join/<code> all get the one prerendered join page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import sirv from 'sirv';

type Next = () => void;

export function createStatic(dir: string) {
	const gzip = compression({ threshold: 1024 });
	const files = sirv(dir, {
		etag: true,
		extensions: ['html'],
		setHeaders(res, pathname) {
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
			if (pathname === '/embed' || pathname === '/embed.html') {
				res.setHeader('Content-Security-Policy', 'frame-ancestors *');
			} else {
				res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
				res.setHeader('X-Frame-Options', 'SAMEORIGIN');
			}
			if (pathname.startsWith('/_app/immutable/')) {
				res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
			} else if (pathname === '/embed.js') {
				res.setHeader('Cache-Control', 'public, max-age=3600');
			} else if (pathname === '/social.png') {
				res.setHeader('Cache-Control', 'public, max-age=86400');
			} else if (pathname === '/oembed.json') {
				res.setHeader('Content-Type', 'application/json; charset=utf-8');
				res.setHeader('Access-Control-Allow-Origin', '*');
			} else {
				// Pages and the service worker: always revalidated, so a new build is seen at once.
				res.setHeader('Cache-Control', 'no-cache');
			}
		}
	});

	return function serve(req: IncomingMessage, res: ServerResponse, notFound: Next) {
		const url = new URL(req.url ?? '/', 'http://x');
		// /join/ABC123 is one page for every room: the page reads the code from the address.
		if (/^\/join\/[^/]+\/?$/.test(url.pathname)) req.url = '/join/room';
		gzip(req as never, res as never, () => files(req, res, notFound));
	};
}
