/**
 * What every route answers with: JSON that is never cached, and the one kind of error a route
 * throws on purpose. Anything else thrown is a bug, answered 500 by the app's error boundary.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
	constructor(
		readonly status: ContentfulStatusCode,
		message: string
	) {
		super(message);
	}
}

export function send(c: Context, status: ContentfulStatusCode, body: unknown) {
	return c.body(JSON.stringify(body), status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Cache-Control': 'no-store'
	});
}
