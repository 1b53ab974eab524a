/**
 * The poll's HTTP API under /api (the contract is in README). JSON in and out; every refusal is
 * `{ error }` with a 4xx status and records nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	Buckets,
	checkBallot,
	checkPollSpec,
	MAX_BODY_BYTES,
	normaliseCode,
	toCsv,
	type PollSpec
} from '../lib/poll/model';
import type { ContentPoll } from '../lib/content/polls';
import type { Events } from './events';
import type { Store } from './store';

class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

function send(res: ServerResponse, status: number, body: unknown) {
	const json = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(json),
		'Cache-Control': 'no-store'
	});
	res.end(json);
}

/** Reads at most MAX_BODY_BYTES and parses it as JSON; anything else is a 4xx. */
async function readJson(req: IncomingMessage): Promise<unknown> {
	if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
		throw new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch {
		throw new HttpError(400, 'the body is not valid JSON');
	}
}

/**
 * Limits sized so that a class of 300 behind one school address never meets them, while one
 * script hammering a room does: each voter id may vote a few times a second, each room takes a
 * steady stream of ballots, and wrong room codes from one address are slowed to a trickle.
 */
export interface Limits {
	perAddress: Buckets;
	perVoter: Buckets;
	perRoom: Buckets;
	newRooms: Buckets;
	wrongCodes: Buckets;
}

export function defaultLimits(): Limits {
	return {
		perAddress: new Buckets(3000, 300),
		perVoter: new Buckets(10, 2),
		perRoom: new Buckets(1500, 150),
		newRooms: new Buckets(60, 1),
		wrongCodes: new Buckets(60, 1)
	};
}

export interface ApiDeps {
	store: Store;
	events: Events;
	polls: ContentPoll[];
	limits: Limits;
	engine: string;
	/** Where students are sent: the address the teacher's browser used, plus /join/<code>. */
	publicUrl?: string;
}

const ROUTE =
	/^\/api\/rooms\/([^/]+)(\/poll|\/poll\/close|\/votes|\/results|\/results\.csv|\/events)$/;

export function createApi(deps: ApiDeps) {
	const { store, events, limits } = deps;
	const contentPolls = new Map(deps.polls.map((p) => [p.id, p]));

	async function room(code: string, address: string): Promise<string> {
		const normal = normaliseCode(decodeURIComponent(code));
		if (!normal || !(await store.roomExists(normal))) {
			if (!limits.wrongCodes.take(address, Date.now())) {
				throw new HttpError(429, 'too many unknown room codes; wait a minute');
			}
			throw new HttpError(404, 'no such room (it may have expired)');
		}
		return normal;
	}

	async function teacher(req: IncomingMessage, code: string, address: string): Promise<string> {
		const normal = await room(code, address);
		const auth = req.headers.authorization ?? '';
		const key = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
		const verdict = await store.checkKey(normal, key);
		if (verdict === 'no-room') throw new HttpError(404, 'no such room (it may have expired)');
		if (verdict === 'bad-key') {
			throw new HttpError(
				key ? 403 : 401,
				key ? 'wrong teacher key' : 'the teacher key is required'
			);
		}
		return normal;
	}

	function joinUrl(req: IncomingMessage, code: string) {
		const base = deps.publicUrl ?? `http://${req.headers.host ?? 'localhost'}`;
		return `${base.replace(/\/$/, '')}/join/${code}`;
	}

	async function route(req: IncomingMessage, res: ServerResponse, path: string, address: string) {
		const method = req.method ?? 'GET';
		if (path === '/api/health' && method === 'GET') {
			return send(res, 200, { ok: true, engine: deps.engine });
		}
		if (path === '/api/polls' && method === 'GET') {
			return send(res, 200, { polls: deps.polls });
		}
		if (path === '/api/rooms' && method === 'POST') {
			if (!limits.newRooms.take(address, Date.now()))
				throw new HttpError(429, 'too many new rooms');
			const { code, teacherKey } = await store.createRoom();
			return send(res, 201, { code, teacherKey, joinUrl: joinUrl(req, code) });
		}
		const m = ROUTE.exec(path);
		if (!m) throw new HttpError(404, 'no such API route');
		const [, rawCode, action] = m as unknown as [string, string, string];
		const expect =
			action === '/results' || action === '/results.csv' || action === '/events' ? 'GET' : 'POST';
		if (method !== expect) throw new HttpError(405, `use ${expect} for this route`);

		if (action === '/poll') {
			const code = await teacher(req, rawCode, address);
			const body = await readJson(req);
			let spec: PollSpec;
			const named = (body as { poll?: unknown } | null)?.poll;
			if (typeof named === 'string') {
				const found = contentPolls.get(named);
				if (!found) throw new HttpError(400, `no content poll "${named}"`);
				spec = { question: found.question, options: found.options };
			} else {
				const checked = checkPollSpec(body);
				if (!checked.ok) throw new HttpError(400, checked.error);
				spec = checked.value;
			}
			return send(res, 201, await store.openPoll(code, spec));
		}
		if (action === '/poll/close') {
			const code = await teacher(req, rawCode, address);
			await store.closePoll(code);
			return send(res, 200, { open: false });
		}
		if (action === '/votes') {
			const code = await room(rawCode, address);
			const body = await readJson(req);
			const ballot = checkBallot(body);
			if (!ballot.ok) throw new HttpError(400, ballot.error);
			const now = Date.now();
			const { pollId, option, voter } = ballot.value;
			if (!limits.perVoter.take(`${code}:${voter}`, now)) {
				throw new HttpError(429, 'too many votes from this phone; wait a moment');
			}
			if (!limits.perRoom.take(code, now))
				throw new HttpError(429, 'this room is taking too many votes');
			const outcome = await store.vote(code, pollId, option, voter);
			if (!outcome.ok) throw new HttpError(outcome.status, outcome.error);
			void store.touch(code).catch(() => {});
			return send(res, 200, { counts: outcome.counts, total: outcome.total });
		}
		if (action === '/results') {
			const code = await room(rawCode, address);
			return send(res, 200, await store.results(code));
		}
		if (action === '/results.csv') {
			const code = await teacher(req, rawCode, address);
			const rows: (string | number)[][] = [
				['opened', 'question', 'option', 'label', 'votes', 'total']
			];
			for (const p of await store.history(code)) {
				for (const o of p.options)
					rows.push([p.opened, p.question, o.id, o.label, p.counts[o.id] ?? 0, p.total]);
			}
			const csv = toCsv(rows);
			res.writeHead(200, {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="poll-${code}.csv"`,
				'Cache-Control': 'no-store'
			});
			return res.end(csv);
		}
		const code = await room(rawCode, address);
		if (!(await events.subscribe(code, res))) throw new HttpError(503, 'too many live streams');
	}

	/** Handles one /api request; never throws. */
	return async function api(req: IncomingMessage, res: ServerResponse) {
		const address = req.socket.remoteAddress ?? 'unknown';
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		try {
			if (!limits.perAddress.take(address, Date.now()))
				throw new HttpError(429, 'too many requests');
			await route(req, res, path, address);
		} catch (e) {
			if (res.headersSent) return void res.end();
			if (e instanceof HttpError) return send(res, e.status, { error: e.message });
			console.error('api:', e);
			send(res, 500, { error: 'the server failed; try again' });
		}
	};
}
