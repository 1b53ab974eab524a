/**
 * The poll's HTTP API under /api (the contract is in README), as Hono routes. JSON in and out;
 * every refusal is `{ error }` with a 4xx status and records nothing. Errors are thrown as
 * HttpError and answered in one place (app.ts).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import {
	checkBallot,
	checkPollSpec,
	MAX_BODY_BYTES,
	normaliseCode,
	toCsv,
	type PollSpec
} from '../lib/poll/model';
import type { ContentPoll } from '../lib/content/polls';
import { mountAnswers } from './answers-api';
import type { AddressOf } from './client-address';
import { HttpError, send } from './http';
import type { Events } from './events';
import type { Limits } from './limits';
import { serveStream } from './sse';
import type { Store } from './store';
import { mountSlideRoutes } from './slide-routes';
import type { DeckIds, Slides } from './slides';

export { defaultLimits, type Limits } from './limits';

export interface ApiDeps {
	store: Store;
	events: Events;
	polls: ContentPoll[];
	limits: Limits;
	engine: string;
	addressOf: AddressOf;
	/** Where students are sent: the address the teacher's browser used, plus /join/<code>. */
	publicUrl?: string;
	/** Whether the database answers, for /api/health. */
	ping(): Promise<boolean>;
	/** The class's slide and pace (slides.ts), and the deck's ids to check them against. */
	slides: Slides;
	deck: DeckIds;
}

type Env = { Bindings: HttpBindings; Variables: { address: string } };
type C = Context<Env>;

const tooBig = () => {
	throw new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
};

/** The body as JSON; a body that is not JSON is a 400. Its size was checked by `limitBody`. */
async function readJson(c: C): Promise<unknown> {
	const text = await c.req.text();
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpError(400, 'the body is not valid JSON');
	}
}

export function createApi(deps: ApiDeps) {
	const { store, events, limits } = deps;
	const contentPolls = new Map(deps.polls.map((p) => [p.id, p]));
	const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooBig });
	const api = new Hono<Env>();

	api.use('*', async (c, next) => {
		const address = deps.addressOf(c.env.incoming);
		if (!limits.perAddress.take(address, Date.now())) throw new HttpError(429, 'too many requests');
		c.set('address', address);
		await next();
	});

	async function room(c: C): Promise<string> {
		// Hono hands a malformed percent-escape through undecoded; it then fails as a code would.
		const normal = normaliseCode(c.req.param('code') ?? '');
		if (!normal || !(await store.roomExists(normal))) {
			if (!limits.wrongCodes.take(c.get('address'), Date.now())) {
				throw new HttpError(429, 'too many unknown room codes; wait a minute');
			}
			throw new HttpError(404, 'no such room (it may have expired)');
		}
		return normal;
	}

	async function teacher(c: C): Promise<string> {
		const normal = await room(c);
		const auth = c.req.header('authorization') ?? '';
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

	const joinUrl = (c: C, code: string) => {
		const base = deps.publicUrl ?? `http://${c.req.header('host') ?? 'localhost'}`;
		return `${base.replace(/\/$/, '')}/join/${code}`;
	};

	api.get('/health', async (c) => {
		const ok = await deps.ping();
		return ok
			? send(c, 200, { ok: true, engine: deps.engine })
			: send(c, 503, { ok: false, engine: deps.engine, error: 'the database does not answer' });
	});

	api.get('/polls', (c) => send(c, 200, { polls: deps.polls }));

	api.post('/rooms', async (c) => {
		if (!limits.newRooms.take(c.get('address'), Date.now()))
			throw new HttpError(429, 'too many new rooms');
		const { code, teacherKey } = await store.createRoom();
		return send(c, 201, { code, teacherKey, joinUrl: joinUrl(c, code) });
	});

	api.post('/rooms/:code/poll', limitBody, async (c) => {
		const code = await teacher(c);
		const body = await readJson(c);
		let spec: PollSpec;
		const named = (body as { poll?: unknown } | null)?.poll;
		if (typeof named === 'string') {
			const found = contentPolls.get(named);
			if (!found) throw new HttpError(400, `no content poll "${named}"`);
			spec = { question: found.question, options: found.options, kind: found.kind };
		} else {
			const checked = checkPollSpec(body);
			if (!checked.ok) throw new HttpError(400, checked.error);
			spec = checked.value;
		}
		return send(c, 201, await store.openPoll(code, spec));
	});

	api.post('/rooms/:code/poll/close', limitBody, async (c) => {
		const code = await teacher(c);
		await store.closePoll(code);
		return send(c, 200, { open: false });
	});

	api.post('/rooms/:code/votes', limitBody, async (c) => {
		const code = await room(c);
		const ballot = checkBallot(await readJson(c));
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
		return send(c, 200, { counts: outcome.counts, total: outcome.total });
	});

	api.get('/rooms/:code/results', async (c) => send(c, 200, await store.results(await room(c))));

	api.get('/rooms/:code/results.csv', async (c) => {
		const code = await teacher(c);
		const rows: (string | number)[][] = [
			['opened', 'question', 'option', 'label', 'votes', 'total']
		];
		for (const p of await store.history(code)) {
			for (const o of p.options)
				rows.push([p.opened, p.question, o.id, o.label, p.counts[o.id] ?? 0, p.total]);
			// An open answer is a row of its own: its text as the label, and whether it was hidden.
			for (const a of p.answers)
				rows.push([
					p.opened,
					p.question,
					a.hidden ? 'hidden answer' : 'answer',
					a.text,
					1,
					p.answers.length
				]);
		}
		return c.body(toCsv(rows), 200, {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="poll-${code}.csv"`,
			'Cache-Control': 'no-store'
		});
	});

	api.get('/rooms/:code/events', async (c) => {
		const code = await room(c);
		const place = events.reserve(code, c.get('address'));
		if (typeof place === 'string') {
			throw new HttpError(503, `too many live streams (${place}); try again shortly`);
		}
		// The place is given back when the socket closes, whenever that is: before the snapshot
		// below is read, or hours into the lesson. The socket is watched as well as the response: a
		// request pipelined behind another has a response that is never attached to the socket, and
		// hears nothing when the socket goes.
		const outgoing = c.env.outgoing;
		const socket = c.env.incoming.socket;
		const release = () => {
			place.release();
			outgoing.off('close', release);
			socket.off('close', release);
		};
		outgoing.once('close', release);
		socket.once('close', release);
		let snapshot, slide;
		const slideMark = events.slideMark(code);
		try {
			[snapshot, slide] = await Promise.all([store.results(code), deps.slides.get(code)]);
		} catch (e) {
			release();
			throw e;
		}
		if (place.released || outgoing.destroyed || socket.destroyed) {
			release();
			return c.body(null, 204);
		}
		serveStream(
			outgoing,
			socket,
			(listener) => {
				const detach = events.attach(code, listener, snapshot, [{ event: 'slide', data: slide }]);
				events.catchUp(code, listener, slideMark);
				return detach;
			},
			release
		);
		return RESPONSE_ALREADY_SENT;
	});

	const answerRoutes = mountAnswers<C>(api, { store, limits, limitBody, room, teacher, readJson });
	mountSlideRoutes(api, {
		slides: deps.slides,
		deck: deps.deck,
		limits,
		room,
		teacher,
		readJson,
		limitBody
	});

	// A known route asked with the wrong method, then anything else under /api.
	const methods: [string, string][] = [
		...answerRoutes,
		['/rooms', 'POST'],
		['/rooms/:code/poll', 'POST'],
		['/rooms/:code/poll/close', 'POST'],
		['/rooms/:code/votes', 'POST'],
		['/rooms/:code/results', 'GET'],
		['/rooms/:code/results.csv', 'GET'],
		['/rooms/:code/events', 'GET'],
		['/health', 'GET'],
		['/polls', 'GET']
	];
	for (const [path, method] of methods) {
		api.all(path, () => {
			throw new HttpError(405, `use ${method} for this route`);
		});
	}
	api.all('*', () => {
		throw new HttpError(404, 'no such API route');
	});
	return api;
}
