/**
 * The HTTP contract in README, tested as written: against PGlite always, and against PostgreSQL
 * as well when DATABASE_URL is set (CI sets it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readEvents, startServer, type Running } from '../support/poll-server';

const engines = [{ name: 'PGlite', url: undefined as string | undefined }];
if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

const voter = () => randomBytes(12).toString('base64url');
const OPTIONS = [
	{ id: 'yes', label: 'Yes' },
	{ id: 'no', label: 'No' }
];

describe.each(engines)('poll API on $name', ({ url }) => {
	let s: Running;
	const api = (path: string, init: RequestInit = {}) => fetch(`${s.base}/api${path}`, init);
	const post = (path: string, body: unknown, key?: string) =>
		api(path, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(key ? { Authorization: `Bearer ${key}` } : {})
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	async function room() {
		const res = await post('/rooms', {});
		expect(res.status).toBe(201);
		return (await res.json()) as { code: string; teacherKey: string; joinUrl: string };
	}
	async function openPoll(
		code: string,
		key: string,
		body: unknown = { question: 'Real?', options: OPTIONS }
	) {
		const res = await post(`/rooms/${code}/poll`, body, key);
		expect(res.status).toBe(201);
		return (await res.json()) as {
			id: string;
			question: string;
			options: typeof OPTIONS;
			open: boolean;
		};
	}
	const vote = (code: string, pollId: string, option: string, v = voter()) =>
		post(`/rooms/${code}/votes`, { pollId, option, voter: v });

	beforeAll(async () => {
		s = await startServer({ DATABASE_URL: url });
		// PGlite compiles its WebAssembly on start: seconds on a quiet machine, more on a busy one.
	}, 180_000);
	afterAll(() => s?.stop());

	it('creates a room with a short code, a secret key and a join URL', async () => {
		const r = await room();
		expect(r.code).toMatch(/^[2-9BCDFGHJKMNPQRSTVWXYZ]{6}$/);
		expect(r.teacherKey.length).toBeGreaterThanOrEqual(40);
		expect(r.joinUrl).toBe(`${s.base}/join/${r.code}`);
		expect((await room()).code).not.toBe(r.code);
	});

	it('opens a poll only with the teacher key', async () => {
		const { code, teacherKey } = await room();
		expect((await post(`/rooms/${code}/poll`, { question: 'Q', options: OPTIONS })).status).toBe(
			401
		);
		expect(
			(await post(`/rooms/${code}/poll`, { question: 'Q', options: OPTIONS }, 'wrong')).status
		).toBe(403);
		const poll = await openPoll(code, teacherKey);
		expect(poll).toMatchObject({ question: 'Real?', options: OPTIONS, open: true });
		const bad = await post(
			`/rooms/${code}/poll`,
			{ question: 'Q', options: [OPTIONS[0]] },
			teacherKey
		);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toMatch(/options/);
	});

	it('opens a poll from content by its id, with the readings as options', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey, { poll: 'parents-reading' });
		expect(poll.options.map((o) => o.id)).toEqual(['memory', 'screenplay', 'journeys', 'ghosts']);
		expect(poll.options[0]!.label).toBe('Memories made visible');
		expect((await post(`/rooms/${code}/poll`, { poll: 'no-such-poll' }, teacherKey)).status).toBe(
			400
		);
	});

	it('counts one ballot per voter, the latest replacing the first', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey);
		const me = voter();
		expect(await (await vote(code, poll.id, 'yes', me)).json()).toEqual({
			counts: { yes: 1, no: 0 },
			total: 1
		});
		expect(await (await vote(code, poll.id, 'yes', me)).json()).toEqual({
			counts: { yes: 1, no: 0 },
			total: 1
		});
		expect(await (await vote(code, poll.id, 'no', me)).json()).toEqual({
			counts: { yes: 0, no: 1 },
			total: 1
		});
		await vote(code, poll.id, 'yes');
		const results = await (await api(`/rooms/${code}/results`)).json();
		expect(results).toMatchObject({
			pollId: poll.id,
			question: 'Real?',
			counts: { yes: 1, no: 1 },
			total: 2
		});
	});

	it('answers every bad vote with a 4xx and a message, and counts none of them', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey);
		const bad: [Promise<Response>, number][] = [
			[vote('ZZZZZZ', poll.id, 'yes'), 404],
			[vote(code, 'nope', 'yes'), 404],
			[vote(code, poll.id, 'maybe'), 400],
			[post(`/rooms/${code}/votes`, '{"pollId":', undefined), 400],
			[post(`/rooms/${code}/votes`, { pollId: poll.id, option: 'yes', voter: 'x' }), 400],
			[post(`/rooms/${code}/votes`, [1, 2]), 400],
			[
				post(`/rooms/${code}/votes`, {
					pollId: poll.id,
					option: 'yes',
					voter: voter(),
					pad: 'x'.repeat(5000)
				}),
				413
			]
		];
		for (const [res, status] of bad) {
			const r = await res;
			expect(r.status).toBe(status);
			expect(typeof (await r.json()).error).toBe('string');
		}
		expect((await (await api(`/rooms/${code}/results`)).json()).total).toBe(0);
	});

	it('refuses votes once the poll closes, or once a new poll replaces it', async () => {
		const { code, teacherKey } = await room();
		const first = await openPoll(code, teacherKey);
		const second = await openPoll(code, teacherKey);
		expect((await vote(code, first.id, 'yes')).status).toBe(409);
		expect((await vote(code, second.id, 'yes')).status).toBe(200);
		expect((await post(`/rooms/${code}/poll/close`, {})).status).toBe(401);
		expect((await post(`/rooms/${code}/poll/close`, {}, teacherKey)).status).toBe(200);
		const late = await vote(code, second.id, 'no');
		expect(late.status).toBe(409);
		expect(await (await api(`/rooms/${code}/results`)).json()).toMatchObject({
			open: false,
			total: 1
		});
	});

	it('streams the poll and every change as Server-Sent Events, with a snapshot on connect', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey);
		const ctrl = new AbortController();
		const res = await api(`/rooms/${code}/events`, { signal: ctrl.signal });
		expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const events = readEvents(res);
		expect((await events.next()).value).toMatchObject({
			event: 'poll',
			data: { pollId: poll.id, open: true }
		});
		expect((await events.next()).value).toMatchObject({ event: 'results', data: { total: 0 } });
		await vote(code, poll.id, 'no');
		let next = (await events.next()).value!;
		while (next.event !== 'results') next = (await events.next()).value!;
		expect(next.data).toMatchObject({ pollId: poll.id, counts: { yes: 0, no: 1 }, total: 1 });
		await post(`/rooms/${code}/poll/close`, {}, teacherKey);
		next = (await events.next()).value!;
		while (next.event !== 'poll') next = (await events.next()).value!;
		expect(next.data).toMatchObject({ pollId: poll.id, open: false });
		ctrl.abort();
	});

	it('gives the teacher a CSV of every poll in the room', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey, {
			question: 'Say "yes", or no?',
			options: OPTIONS
		});
		await vote(code, poll.id, 'yes');
		expect((await api(`/rooms/${code}/results.csv`)).status).toBe(401);
		const res = await api(`/rooms/${code}/results.csv`, {
			headers: { Authorization: `Bearer ${teacherKey}` }
		});
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		const lines = (await res.text()).trim().split('\r\n');
		expect(lines[0]).toBe('opened,question,option,label,votes,total');
		expect(lines[1]).toMatch(/,"Say ""yes"", or no\?",yes,Yes,1,1$/);
		expect(lines).toHaveLength(3);
	});

	it('lets a class of 300 behind one address vote, but cuts off one voter flooding', async () => {
		const { code, teacherKey } = await room();
		const poll = await openPoll(code, teacherKey);
		const statuses = await Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				vote(code, poll.id, i % 2 ? 'yes' : 'no').then((r) => r.status)
			)
		);
		expect(statuses.every((st) => st === 200)).toBe(true);
		const flooder = voter();
		const flood = [];
		for (let i = 0; i < 40; i++) flood.push((await vote(code, poll.id, 'yes', flooder)).status);
		expect(flood).toContain(429);
		expect((await (await api(`/rooms/${code}/results`)).json()).total).toBe(301);
		// Generous: PGlite shares this process with the 300 clients, on whatever CPU CI has.
	}, 240_000);

	it('forgets a room after 12 idle hours', async () => {
		const { code } = await room();
		await s.app.db.query(
			`update rooms set touched_at = now() - interval '13 hours' where code = $1`,
			[code]
		);
		expect((await api(`/rooms/${code}/results`)).status).toBe(404);
	});

	it('serves health and the content polls, and 404s unknown routes as JSON', async () => {
		expect(await (await api('/health')).json()).toMatchObject({ ok: true });
		const { polls } = await (await api('/polls')).json();
		expect(polls.length).toBeGreaterThanOrEqual(3);
		const res = await api('/nope');
		expect(res.status).toBe(404);
		expect(await res.json()).toEqual({ error: 'no such API route' });
	});
});

describe.runIf(!!process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
	it('a vote taken by one reaches a stream held by the other', async () => {
		const a = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
		const b = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
		try {
			const r = await (await fetch(`${a.base}/api/rooms`, { method: 'POST' })).json();
			const poll = await (
				await fetch(`${a.base}/api/rooms/${r.code}/poll`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${r.teacherKey}` },
					body: JSON.stringify({ question: 'Q', options: OPTIONS })
				})
			).json();
			const ctrl = new AbortController();
			const events = readEvents(
				await fetch(`${b.base}/api/rooms/${r.code}/events`, { signal: ctrl.signal })
			);
			await events.next();
			await events.next();
			const res = await fetch(`${a.base}/api/rooms/${r.code}/votes`, {
				method: 'POST',
				body: JSON.stringify({ pollId: poll.id, option: 'yes', voter: voter() })
			});
			expect(res.status).toBe(200);
			let next = (await events.next()).value!;
			while (next.event !== 'results') next = (await events.next()).value!;
			expect(next.data).toMatchObject({ counts: { yes: 1, no: 0 }, total: 1 });
			ctrl.abort();
		} finally {
			await a.stop();
			await b.stop();
		}
	}, 180_000);
});
