/**
 * The open answers' routes, mounted by createApi (api.ts) with its own checks: a room that
 * exists, the teacher's key, bodies under the size limit, and the same per-phone and per-room
 * buckets as votes. The contract is in README's API section.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { checkAnswer, checkLength } from '../lib/poll/answers';
import { HttpError, send } from './http';
import type { Limits } from './limits';
import type { Store } from './store';

interface Deps<C extends Context> {
	store: Store;
	limits: Limits;
	limitBody: MiddlewareHandler;
	room(c: C): Promise<string>;
	teacher(c: C): Promise<string>;
	readJson(c: C): Promise<unknown>;
}

// Any Hono app whose context the helpers accept; api.ts passes its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountAnswers<C extends Context>(api: Hono<any>, deps: Deps<C>) {
	const { store, limits, limitBody, room, teacher, readJson } = deps;

	api.post('/rooms/:code/answers', limitBody, async (c) => {
		const code = await room(c as C);
		const body = checkAnswer(await readJson(c as C));
		if (!body.ok) throw new HttpError(400, body.error);
		const { pollId, text, voter } = body.value;
		const now = Date.now();
		if (!limits.perVoter.take(`${code}:${voter}`, now)) {
			throw new HttpError(429, 'too many answers from this phone; wait a moment');
		}
		if (!limits.perRoom.take(code, now))
			throw new HttpError(429, 'this room is taking too many answers');
		const poll = await store.answers.kindOf(pollId);
		if (!poll || poll.room !== code) throw new HttpError(404, 'no such poll in this room');
		if (poll.kind === 'choice') throw new HttpError(400, 'this poll takes votes, not answers');
		const tooLong = checkLength(poll.kind, text);
		if (tooLong) throw new HttpError(400, tooLong);
		const outcome = await store.answers.submit(code, pollId, voter, text);
		if (!outcome.ok) throw new HttpError(outcome.status, outcome.error);
		void store.touch(code).catch(() => {});
		return send(c, 200, { id: outcome.id, text });
	});

	api.post('/rooms/:code/answers/:id/hide', limitBody, async (c) => {
		const code = await teacher(c as C);
		const raw = (await c.req.text()).trim();
		let hidden = true;
		if (raw) {
			let body: unknown;
			try {
				body = JSON.parse(raw);
			} catch {
				throw new HttpError(400, 'the body is not valid JSON');
			}
			const h = (body as { hidden?: unknown } | null)?.hidden;
			if (h !== undefined && typeof h !== 'boolean')
				throw new HttpError(400, 'hidden must be true or false');
			hidden = h ?? true;
		}
		const id = c.req.param('id') ?? '';
		if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !(await store.answers.hide(code, id, hidden))) {
			throw new HttpError(404, 'no such answer in this room');
		}
		return send(c, 200, { id, hidden });
	});

	// The teacher's list holds the hidden answers too, marked; the stream never carries them.
	api.get('/rooms/:code/answers', async (c) => {
		const code = await teacher(c as C);
		const latest = await store.results(code);
		const pollId = c.req.query('poll') ?? latest.pollId;
		if (!pollId) return send(c, 200, { pollId: null, kind: null, answers: [] });
		const poll = await store.answers.kindOf(pollId);
		if (!poll || poll.room !== code) throw new HttpError(404, 'no such poll in this room');
		const answers = poll.kind === 'choice' ? [] : await store.answers.all(pollId);
		return send(c, 200, { pollId, kind: poll.kind, answers });
	});

	// Every poll of the room for the printed summary: shown answers only, hidden ones counted.
	api.get('/rooms/:code/summary', async (c) => {
		const code = await teacher(c as C);
		const polls = (await store.history(code)).map((p) => {
			const shown = p.answers.filter((a) => !a.hidden);
			return {
				id: p.id,
				question: p.question,
				kind: p.kind,
				open: p.open,
				opened: p.opened,
				options: p.options,
				counts: p.counts,
				total: p.kind === 'choice' ? p.total : shown.length,
				answers: shown.map(({ id, text }) => ({ id, text })),
				hidden: p.answers.length - shown.length
			};
		});
		return send(c, 200, { code, polls });
	});

	return [
		['/rooms/:code/answers', 'GET or POST'],
		['/rooms/:code/answers/:id/hide', 'POST'],
		['/rooms/:code/summary', 'GET']
	] as [string, string][];
}
