/**
 * One HTTP server for the whole product: /api/* is the live poll, everything else the static
 * site. Used by `npm start` (main.ts), the API tests and the bench, so all three run the same code.
 *
 * Hono routes the requests; this file is the one error boundary around them. A request that is
 * malformed before it reaches a route (a broken request line, an oversized header, an address
 * that is not a URL) is answered 4xx with one short log line; a route's HttpError is answered as
 * it says; anything else is a bug, answered 500 with its stack logged once. None of them can end
 * the process.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { Hono } from 'hono';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { createApi } from './api';
import { clientAddress } from './client-address';
import { CHANNEL, openDb, type Db } from './db';
import { Events } from './events';
import { HttpError, send } from './http';
import { defaultLimits, sweepLimits, type Limits } from './limits';
import { createStatic } from './static';
import { Store } from './store';
import { readSlideNotice, Slides, type DeckIds } from './slides';
import type { ContentPoll } from '../lib/content/polls';

export interface AppOptions {
	DATABASE_URL?: string;
	DATA_DIR?: string;
	/** The built site; without it only /api is served. */
	siteDir?: string;
	polls: ContentPoll[];
	/** The deck's slide and chapter ids (deck.json from the build), for the slide routes. */
	deck: DeckIds;
	publicUrl?: string;
	/** TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (client-address.ts). */
	trustProxy?: string;
	limits?: Limits;
	/** How long a request may take to arrive whole, and its headers (tests shorten them). */
	timeouts?: { requestMs: number; headersMs: number };
	/** Where the short lines about refused requests go (tests count them). */
	log?: (line: string) => void;
}

export interface App {
	server: Server;
	db: Db;
	events: Events;
	/** Stops taking requests and streams, lets the votes under way commit, closes the database. */
	close(): Promise<void>;
}

/** How long a drain waits for requests under way before it cuts their connections. */
const DRAIN_MS = 10_000;

export async function createApp(options: AppOptions): Promise<App> {
	const log = options.log ?? ((line: string) => console.warn(line));
	const limits = options.limits ?? defaultLimits();
	const addressOf = clientAddress(options.trustProxy);
	const db = await openDb(options);
	const store = new Store(db);
	const events = new Events(store, limits.streams);
	const slides = new Slides(db);
	await db.listen(CHANNEL, (payload) => {
		const slide = readSlideNotice(payload);
		if (slide) events.broadcast(slide.room, 'slide', slide.state);
		else events.changed(payload);
	});

	const app = new Hono<{ Bindings: HttpBindings }>();
	app.onError((e, c) => {
		if (e instanceof HttpError) return send(c, e.status, { error: e.message });
		// A body cut off by its sender (or by the request timeout) is the client's doing, and the
		// answer can reach no one.
		if (c.env.incoming.destroyed || c.env.outgoing.destroyed) {
			log(`${c.req.method} ${c.req.path}: the client went away mid-request`);
			return send(c, 400, { error: 'the request was cut off' });
		}
		console.error(`${c.req.method} ${c.req.path}: the server failed\n`, e);
		return send(c, 500, { error: 'the server failed; try again' });
	});
	app.route(
		'/api',
		createApi({
			store,
			events,
			polls: options.polls,
			limits,
			engine: db.engine,
			addressOf,
			publicUrl: options.publicUrl,
			ping: () => db.ping(),
			slides,
			deck: options.deck
		})
	);
	if (options.siteDir && existsSync(options.siteDir)) app.route('/', createStatic(options.siteDir));
	app.notFound((c) => c.text('Not found', 404));

	const listener = getRequestListener(app.fetch, {
		// Only what Hono could not make a Request of comes here: the URL or the Host is not one.
		errorHandler: (e) => {
			log(`refused a malformed request: ${(e as Error).message}`);
			return new Response('Bad request', { status: 400 });
		}
	});
	const server = createServer(
		{
			// A slow or stalled body, or headers trickled in, cannot hold a socket for long.
			requestTimeout: options.timeouts?.requestMs ?? 15_000,
			headersTimeout: options.timeouts?.headersMs ?? 10_000,
			// How often those two are checked (30 s by default, which would let them run long).
			connectionsCheckingInterval: Math.min(2000, options.timeouts?.headersMs ?? 2000),
			maxHeaderSize: 16 * 1024
		},
		listener
	);
	// Which sockets have a request under way, for the drain: Node's closeIdleConnections leaves a
	// socket that has sent nothing yet (a browser's spare connection), which then held a drain
	// for its whole length.
	const sockets = new Set<Socket>();
	const busy = new Map<Socket, number>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => {
			sockets.delete(socket);
			busy.delete(socket);
		});
	});
	server.on('request', (req: IncomingMessage, res) => {
		const socket = req.socket;
		busy.set(socket, (busy.get(socket) ?? 0) + 1);
		res.once('close', () => {
			const n = (busy.get(socket) ?? 1) - 1;
			if (n > 0) busy.set(socket, n);
			else busy.delete(socket);
		});
	});
	const closeIdle = () => {
		for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
	};

	// Phones on school Wi-Fi reuse connections across a lesson's pauses; a short keep-alive would
	// close sockets that their browsers are about to reuse.
	server.keepAliveTimeout = 65_000;
	server.on('clientError', (e: NodeJS.ErrnoException, socket: Socket) => {
		const status =
			e.code === 'HPE_HEADER_OVERFLOW' ? 431 : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
		if (e.code !== 'ECONNRESET') log(`refused a malformed request: ${e.code ?? e.message}`);
		if (socket.writable && !socket.destroyed) {
			socket.end(
				`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
			);
		} else socket.destroy();
	});

	// CONNECT asks this server to be a proxy, which it is not; without a listener Node would drop
	// the socket without a word.
	server.on('connect', (req: IncomingMessage, socket: Socket) => {
		log(`refused a CONNECT request for ${String(req.url).slice(0, 100)}`);
		socket.on('error', () => {});
		socket.end(
			'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, POST\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'
		);
	});

	// Idle rooms go, with their polls and ballots, within an hour of expiring.
	const sweeper = setInterval(() => void store.sweep().catch(() => {}), 60 * 60 * 1000);
	sweeper.unref();
	// The limiters forget every key that has refilled, so their maps hold only recent senders.
	const forget = setInterval(() => {
		sweepLimits(limits, Date.now());
		store.forget(Date.now());
	}, 60 * 1000);
	forget.unref();

	let closing: Promise<void> | null = null;
	return {
		server,
		db,
		events,
		close() {
			closing ??= (async () => {
				clearInterval(sweeper);
				clearInterval(forget);
				// Stop accepting first, then end the streams: their sockets would hold close() forever.
				const closed = new Promise<void>((done) => server.close(() => done()));
				events.close();
				// A keep-alive socket goes as soon as its request under way (a vote committing) is
				// answered; one still busy after DRAIN_MS is cut.
				const idle = setInterval(closeIdle, 50);
				const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
				await closed;
				clearInterval(idle);
				clearTimeout(cut);
				await db.close();
			})();
			return closing;
		}
	};
}
