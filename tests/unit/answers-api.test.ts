/**
 * Open answers over HTTP, as README's API section promises: against PGlite always, and against
 * PostgreSQL as well when DATABASE_URL is set, with a second process on the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readEvents, startServer, type Running } from '../support/poll-server';

const engines = [{ name: 'PGlite', url: undefined as string | undefined }];
if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

const voter = () => randomBytes(12).toString('base64url');
const json = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

/** Texts from every corner the class may write in, each a valid answer of up to three words. */
const WORLD = ['<b>sad</b>', 'grief 😢 love', 'حب وفقدان', '孤独', 'प्रेम और शोक', '=cmd|calc'];

function client(base: string) {
	const api = (path: string, init: RequestInit = {}) => fetch(`${base}/api${path}`, init);
	const post = (path: string, body: unknown, key?: string) =>
		api(path, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(key ? { Authorization: `Bearer ${key}` } : {})
			},
			body: json(body)
		});
	return { api, post };
}

describe.each(engines)('open answers on $name', ({ url }) => {
	let s: Running;
	let c: ReturnType<typeof client>;

	async function room(poll: unknown = { poll: 'ending-feeling' }) {
		const r = (await (await c.post('/rooms', {})).json()) as { code: string; teacherKey: string };
		const res = await c.post(`/rooms/${r.code}/poll`, poll, r.teacherKey);
		expect(res.status).toBe(201);
		const opened = (await res.json()) as { id: string; kind: string; options: unknown[] };
		return { ...r, poll: opened, key: r.teacherKey };
	}
	const answer = (code: string, pollId: string, text: unknown, v = voter()) =>
		c.post(`/rooms/${code}/answers`, { pollId, text, voter: v });
	const teacherGet = (path: string, key: string) =>
		c.api(path, { headers: { Authorization: `Bearer ${key}` } });

	beforeAll(async () => {
		s = await startServer({ DATABASE_URL: url });
		c = client(s.base);
	}, 180_000);
	afterAll(() => s?.stop());

	it('opens a content poll of kind words, with no options', async () => {
		const { poll } = await room();
		expect(poll).toMatchObject({ kind: 'words', options: [] });
	});

	it('takes answers in every script, with markup and emoji kept as written text', async () => {
		const { code, poll } = await room();
		for (const text of WORLD) {
			const res = await answer(code, poll.id, text);
			expect(res.status, text).toBe(200);
			expect((await res.json()).text).toBe(text);
		}
		const results = await (await c.api(`/rooms/${code}/results`)).json();
		expect(results).toMatchObject({ kind: 'words', total: WORLD.length });
		expect(results.answers.answers.map((a: { text: string }) => a.text)).toEqual(WORLD);
	});

	it('answers every bad answer with a 400 and a message, and keeps none of them', async () => {
		const { code, poll, key } = await room();
		const bad: [unknown, RegExp][] = [
			['', /empty/],
			['   \u3000 ', /empty/],
			['one\u0000two', /control/],
			['bell\u0007', /control/],
			['line\nbreak', /control/],
			['\u202eevil', /control/],
			['\ud800', /well-formed/],
			['four words are many', /at most 3 words/],
			['x'.repeat(61), /at most 60 characters/],
			[42, /text must be a string/]
		];
		for (const [text, why] of bad) {
			const res = await answer(code, poll.id, text);
			expect(res.status, String(text)).toBe(400);
			expect((await res.json()).error).toMatch(why);
		}
		expect((await c.post(`/rooms/${code}/answers`, { pollId: poll.id, text: 'ok' })).status).toBe(
			400
		);
		expect((await c.post(`/rooms/${code}/answers`, '{oops')).status).toBe(400);
		expect((await answer(code, 'nope', 'ok')).status).toBe(404);
		expect((await answer('BBBBBB', poll.id, 'ok')).status).toBe(404);
		const list = await (await teacherGet(`/rooms/${code}/answers`, key)).json();
		expect(list.answers).toEqual([]);
	});

	it('takes up to 280 characters on a text poll, emoji counted as one each', async () => {
		const { code, poll } = await room({ poll: 'relationship-named' });
		expect(poll.kind).toBe('text');
		expect((await answer(code, poll.id, '😢'.repeat(280))).status).toBe(200);
		expect((await answer(code, poll.id, '👨‍👩‍👦 '.repeat(100))).status).toBe(200);
		expect((await answer(code, poll.id, '😢'.repeat(281))).status).toBe(400);
		expect((await answer(code, poll.id, 'a'.repeat(281))).status).toBe(400);
		const markup = '<img src=x onerror=alert(1)> my <b>mother</b>';
		expect((await (await answer(code, poll.id, markup)).json()).text).toBe(markup);
		const long = 'My father, and the things we never said to each other. '.repeat(4).trim();
		expect((await answer(code, poll.id, long)).status).toBe(200);
	});

	it('keeps one answer per phone, replaced until the poll closes', async () => {
		const { code, poll, key } = await room();
		const me = voter();
		const first = await (await answer(code, poll.id, 'sad', me)).json();
		const second = await (await answer(code, poll.id, 'hopeful', me)).json();
		expect(second.id).toBe(first.id);
		let list = await (await teacherGet(`/rooms/${code}/answers`, key)).json();
		expect(list.answers).toEqual([{ id: first.id, text: 'hopeful', hidden: false }]);
		await c.post(`/rooms/${code}/poll/close`, {}, key);
		const late = await answer(code, poll.id, 'angry', me);
		expect(late.status).toBe(409);
		list = await (await teacherGet(`/rooms/${code}/answers`, key)).json();
		expect(list.answers[0].text).toBe('hopeful');
	});

	it('refuses answers on a choice poll and votes on an open one', async () => {
		const choice = await room({ poll: 'harry-when' });
		expect((await answer(choice.code, choice.poll.id, 'hm')).status).toBe(400);
		const open = await room();
		const vote = await c.post(`/rooms/${open.code}/votes`, {
			pollId: open.poll.id,
			option: 'yes',
			voter: voter()
		});
		expect(vote.status).toBe(400);
	});

	it('lets only the teacher hide and show an answer; the stream leaves hidden ones out', async () => {
		const { code, poll, key } = await room();
		const a = await (await answer(code, poll.id, 'lonely')).json();
		await answer(code, poll.id, 'tender');
		const hidePath = `/rooms/${code}/answers/${a.id}/hide`;
		expect((await c.post(hidePath, {})).status).toBe(401);
		expect((await c.post(hidePath, {}, 'wrong')).status).toBe(403);
		expect((await c.post(`/rooms/${code}/answers/nope/hide`, {}, key)).status).toBe(404);
		expect((await c.post(hidePath, { hidden: 'yes' }, key)).status).toBe(400);

		const ctrl = new AbortController();
		const events = readEvents(await c.api(`/rooms/${code}/events`, { signal: ctrl.signal }));
		const nextAnswers = async () => {
			let next = (await events.next()).value!;
			while (next.event !== 'answers') next = (await events.next()).value!;
			return next.data as { answers: { text: string }[]; hidden: number };
		};
		expect((await nextAnswers()).answers.map((x) => x.text)).toEqual(['lonely', 'tender']);
		expect((await c.post(hidePath, {}, key)).status).toBe(200);
		const after = await nextAnswers();
		expect(after.answers.map((x) => x.text)).toEqual(['tender']);
		expect(after.hidden).toBe(1);
		expect((await (await c.api(`/rooms/${code}/results`)).json()).total).toBe(1);
		const list = await (await teacherGet(`/rooms/${code}/answers`, key)).json();
		expect(list.answers.map((x: { hidden: boolean }) => x.hidden)).toEqual([true, false]);
		expect((await teacherGet(`/rooms/${code}/answers`, 'wrong')).status).toBe(403);
		expect((await c.post(hidePath, { hidden: false }, key)).status).toBe(200);
		expect((await nextAnswers()).answers.map((x) => x.text)).toEqual(['lonely', 'tender']);
		ctrl.abort();
	});

	it('puts open answers in the CSV, hidden ones marked, formulas defused', async () => {
		const { code, poll, key } = await room();
		const a = await (await answer(code, poll.id, '=cmd|calc')).json();
		await answer(code, poll.id, '"warm", <b>');
		await c.post(`/rooms/${code}/answers/${a.id}/hide`, {}, key);
		const csv = await (await teacherGet(`/rooms/${code}/results.csv`, key)).text();
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(/,hidden answer,'=cmd\|calc,1,2$/);
		expect(lines[2]).toMatch(/,answer,"""warm"", <b>",1,2$/);
	});

	it('gives the teacher a summary of every poll of the room', async () => {
		const { code, poll, key } = await room({ poll: 'harry-when' });
		await c.post(`/rooms/${code}/votes`, { pollId: poll.id, option: 'days-later', voter: voter() });
		const words = await (
			await c.post(`/rooms/${code}/poll`, { poll: 'ending-feeling' }, key)
		).json();
		const h = await (await answer(code, words.id, 'hidden one')).json();
		await answer(code, words.id, 'grief');
		await c.post(`/rooms/${code}/answers/${h.id}/hide`, {}, key);
		expect((await c.api(`/rooms/${code}/summary`)).status).toBe(401);
		const summary = await (await teacherGet(`/rooms/${code}/summary`, key)).json();
		expect(summary.code).toBe(code);
		expect(summary.polls).toHaveLength(2);
		expect(summary.polls[0]).toMatchObject({ kind: 'choice', total: 1 });
		expect(summary.polls[0].counts['days-later']).toBe(1);
		expect(summary.polls[1]).toMatchObject({ kind: 'words', total: 1, hidden: 1 });
		expect(summary.polls[1].answers.map((x: { text: string }) => x.text)).toEqual(['grief']);
	});
});

describe.runIf(!!process.env.DATABASE_URL)('open answers across two processes', () => {
	it('an answer taken by one, and its hiding, reach a stream held by the other', async () => {
		const a = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
		const b = await startServer({ DATABASE_URL: process.env.DATABASE_URL });
		try {
			const ca = client(a.base);
			const r = await (await ca.post('/rooms', {})).json();
			const poll = await (
				await ca.post(`/rooms/${r.code}/poll`, { poll: 'ending-feeling' }, r.teacherKey)
			).json();
			const ctrl = new AbortController();
			const events = readEvents(
				await fetch(`${b.base}/api/rooms/${r.code}/events`, { signal: ctrl.signal })
			);
			const nextAnswers = async () => {
				let next = (await events.next()).value!;
				while (next.event !== 'answers') next = (await events.next()).value!;
				return (next.data as { answers: { text: string }[] }).answers.map((x) => x.text);
			};
			expect(await nextAnswers()).toEqual([]);
			const res = await ca.post(`/rooms/${r.code}/answers`, {
				pollId: poll.id,
				text: 'حنين',
				voter: voter()
			});
			expect(res.status).toBe(200);
			expect(await nextAnswers()).toEqual(['حنين']);
			const { id } = await res.json();
			await ca.post(`/rooms/${r.code}/answers/${id}/hide`, {}, r.teacherKey);
			expect(await nextAnswers()).toEqual([]);
			ctrl.abort();
		} finally {
			await a.stop();
			await b.stop();
		}
	}, 180_000);
});
