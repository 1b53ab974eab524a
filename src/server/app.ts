/**
 * One HTTP server for the whole product: /api/* is the live poll, everything else the static
 * site. Used by `npm start` (main.ts), the API tests and the bench, so all three run the same code.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi, defaultLimits, type Limits } from './api';
import { CHANNEL, openDb, type Db } from './db';
import { Events } from './events';
import { createStatic } from './static';
import { Store } from './store';
import type { ContentPoll } from '../lib/content/polls';

export interface AppOptions {
	DATABASE_URL?: string;
	DATA_DIR?: string;
	/** The built site; without it only /api is served. */
	siteDir?: string;
	polls: ContentPoll[];
	publicUrl?: string;
	limits?: Limits;
}

export interface App {
	server: Server;
	db: Db;
	close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
	const db = await openDb(options);
	const store = new Store(db);
	const events = new Events(store);
	await db.listen(CHANNEL, (code) => events.changed(code));
	const api = createApi({
		store,
		events,
		polls: options.polls,
		limits: options.limits ?? defaultLimits(),
		engine: db.engine,
		publicUrl: options.publicUrl
	});
	const site =
		options.siteDir && existsSync(options.siteDir) ? createStatic(options.siteDir) : null;
	const notFoundPage =
		options.siteDir && existsSync(join(options.siteDir, '404.html'))
			? readFileSync(join(options.siteDir, '404.html'))
			: null;

	const server = createServer((req, res) => {
		if (req.url?.startsWith('/api/') || req.url === '/api') return void api(req, res);
		const notFound = () => {
			res.statusCode = 404;
			res.setHeader('Content-Type', notFoundPage ? 'text/html; charset=utf-8' : 'text/plain');
			res.end(notFoundPage ?? 'Not found');
		};
		if (site) site(req, res, notFound);
		else notFound();
	});
	// Phones on school Wi-Fi reuse connections across a lesson's pauses; a short keep-alive would
	// close sockets that their browsers are about to reuse.
	server.keepAliveTimeout = 65_000;
	// Idle rooms go, with their polls and ballots, within an hour of expiring.
	const sweeper = setInterval(() => void store.sweep().catch(() => {}), 60 * 60 * 1000);
	sweeper.unref();

	return {
		server,
		db,
		async close() {
			clearInterval(sweeper);
			events.close();
			await new Promise<void>((done) => server.close(() => done()));
			await db.close();
		}
	};
}
