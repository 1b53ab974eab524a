/**
 * The slide routes and `event: slide` as README describes them: on PGlite always, and on
 * PostgreSQL when DATABASE_URL is set, where a second server on the same database must carry a
 * slide change made on the first to its own streams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { contentDeck, readEvents, startServer, type Running } from '../support/poll-server';

const engines = [{ name: 'PGlite', url: undefined as string | undefined }];
if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

const deck = contentDeck();
const [first, second, third] = deck.slides.map((s) => s.id);
const chapters = [...new Set(deck.slides.map((s) => s.chapter))];
const reader = () => randomBytes(12).toString('base64url');

type Event = { event: string; data: unknown };

/** The events of one stream, awaited one by one, until the stream is aborted. */
function follow(base: string, code: string) {
	const ctrl = new AbortController();
	const seen: Event[] = [];
	const waiters: (() => void)[] = [];
	const done = (async () => {
		const res = await fetch(`${base}/api/rooms/${code}/events`, { signal: ctrl.signal });
		try {
			for await (const e of readEvents(res)) {
				seen.push(e);
				waiters.splice(0).forEach((w) => w());
			}
		} catch {
			/* aborted */
		}
	})();
	return {
		seen,
		/** The next slide event after the `after`-th one. */
		async slide(after: number) {
			for (let i = 0; i < 200; i++) {
				const slides = seen.filter((e) => e.event === 'slide');
				if (slides.length > after) return slides[after]!.data;
				await new Promise<void>((r) => {
					waiters.push(r);
					setTimeout(r, 50);
				});
			}
			throw new Error('no slide event');
		},
		stop: () => {
			ctrl.abort();
			return done;
		}
	};
}

describe.each(engines)('slide API on $name', ({ url }) => {
	let s: Running;
	const post = (path: string, body: unknown, key?: string) =>
		fetch(`${s.base}/api${path}`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				...(key ? { Authorization: `Bearer ${key}` } : {})
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	async function room() {
		const res = await post('/rooms', {});
		return (await res.json()) as { code: string; teacherKey: string };
	}

	beforeAll(async () => {
		s = await startServer({ DATABASE_URL: url });
	}, 180_000);
	afterAll(() => s?.stop());

	it('sends the slide in the first snapshot, then on every change', async () => {
		const { code, teacherKey } = await room();
		const phone = follow(s.base, code);
		expect(await phone.slide(0)).toEqual({ step: null, pacing: 'teacher' });
		const res = await post(`/rooms/${code}/slide`, { step: first }, teacherKey);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ step: first, pacing: 'teacher' });
		expect(await phone.slide(1)).toEqual({ step: first, pacing: 'teacher' });
		await post(`/rooms/${code}/slide`, { step: second }, teacherKey);
		expect(await phone.slide(2)).toEqual({ step: second, pacing: 'teacher' });
		expect((await post(`/rooms/${code}/pacing`, { mode: 'student' }, teacherKey)).status).toBe(200);
		expect(await phone.slide(3)).toEqual({ step: second, pacing: 'student' });
		await phone.stop();

		// A phone that reconnects is told where the class is at once.
		const again = follow(s.base, code);
		expect(await again.slide(0)).toEqual({ step: second, pacing: 'student' });
		await again.stop();
	});

	it('keeps the last of a burst of changes', async () => {
		const { code, teacherKey } = await room();
		const phone = follow(s.base, code);
		await phone.slide(0);
		for (const step of [first, second, third, second, third])
			await post(`/rooms/${code}/slide`, { step }, teacherKey);
		expect(await phone.slide(5)).toEqual({ step: third, pacing: 'teacher' });
		await phone.stop();
	});

	it('catches up a stream that was being opened while the slide changed', async () => {
		const { code, teacherKey } = await room();
		const events = s.app.events;
		const mark = events.slideMark(code);
		await post(`/rooms/${code}/slide`, { step: third }, teacherKey);
		for (let i = 0; i < 100 && events.slideMark(code) === mark; i++)
			await new Promise((r) => setTimeout(r, 20));
		// The snapshot this stream was given predates the change; attach, then catch up.
		const got: string[] = [];
		const listener = { send: (b: Uint8Array) => got.push(new TextDecoder().decode(b)), end() {} };
		const stale = { step: null, pacing: 'teacher' };
		const snapshot = await (await fetch(`${s.base}/api/rooms/${code}/results`)).json();
		const detach = events.attach(code, listener, snapshot, [{ event: 'slide', data: stale }]);
		events.catchUp(code, listener, mark);
		detach();
		const slides = got.join('').match(/event: slide\ndata: (.*)/g)!;
		expect(slides.at(-1)).toContain(`"step":"${third}"`);
		// A stream whose snapshot already had it is not sent it twice.
		got.length = 0;
		const detach2 = events.attach(code, listener, snapshot);
		events.catchUp(code, listener, events.slideMark(code));
		detach2();
		expect(got.join('')).not.toContain('event: slide');
	});

	it('refuses what the vote endpoint would refuse, and records nothing', async () => {
		const { code, teacherKey } = await room();
		expect((await post(`/rooms/${code}/slide`, { step: first })).status).toBe(401);
		expect((await post(`/rooms/${code}/slide`, { step: first }, 'wrong')).status).toBe(403);
		const unknown = await post(`/rooms/${code}/slide`, { step: 'no-such-step' }, teacherKey);
		expect(unknown.status).toBe(400);
		expect((await unknown.json()).error).toMatch(/no slide/);
		for (const body of ['not json', [], { step: 4 }, { step: '' }, {}])
			expect((await post(`/rooms/${code}/slide`, body, teacherKey)).status).toBe(400);
		for (const body of [{ mode: 'both' }, {}, 'x', { mode: null }])
			expect((await post(`/rooms/${code}/pacing`, body, teacherKey)).status).toBe(400);
		expect((await post(`/rooms/${code}/pacing`, { mode: 'student' }, 'wrong')).status).toBe(403);
		expect((await post('/rooms/ZZZZZZ/slide', { step: first }, teacherKey)).status).toBe(404);
		expect((await fetch(`${s.base}/api/rooms/${code}/slide`)).status).toBe(405);
		const phone = follow(s.base, code);
		expect(await phone.slide(0)).toEqual({ step: null, pacing: 'teacher' });
		await phone.stop();
	});

	it('counts phones by chapter for the teacher only', async () => {
		const { code, teacherKey } = await room();
		const [a, b, c] = [reader(), reader(), reader()];
		for (const [r, ch] of [
			[a, chapters[0]],
			[b, chapters[0]],
			[c, chapters[1]],
			[a, chapters[2]]
		] as const)
			expect((await post(`/rooms/${code}/reader`, { reader: r, chapter: ch })).status).toBe(200);
		for (const body of [
			{ reader: a, chapter: 'nowhere' },
			{ reader: 'short', chapter: chapters[0] },
			{ chapter: chapters[0] },
			'nope'
		])
			expect((await post(`/rooms/${code}/reader`, body)).status).toBe(400);
		const counts = (key?: string) =>
			fetch(`${s.base}/api/rooms/${code}/chapters`, {
				headers: key ? { Authorization: `Bearer ${key}` } : {}
			});
		expect((await counts()).status).toBe(401);
		expect((await counts('wrong')).status).toBe(403);
		expect(await (await counts(teacherKey)).json()).toEqual({
			counts: { [chapters[0]!]: 1, [chapters[1]!]: 1, [chapters[2]!]: 1 },
			total: 3
		});
	});

	it.runIf(!!url)('carries a slide change to the streams of a second process', async () => {
		const other = await startServer({ DATABASE_URL: url });
		try {
			const { code, teacherKey } = await room();
			const phone = follow(other.base, code);
			await phone.slide(0);
			await post(`/rooms/${code}/slide`, { step: third }, teacherKey);
			expect(await phone.slide(1)).toEqual({ step: third, pacing: 'teacher' });
			await phone.stop();
		} finally {
			await other.stop();
		}
	});
});
