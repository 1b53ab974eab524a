/**
 * The slide routes under /api/rooms/:code (README's API section): the teacher moves the class and
 * sets the pace, the phones say which chapter they read. Mounted by createApi, which lends its
 * room and teacher checks so these refuse exactly as the vote and poll routes do.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { checkPacing, checkReader, checkStep } from '../lib/poll/slide-model';
import { HttpError, send } from './http';
import type { Limits } from './limits';
import type { DeckIds, Slides } from './slides';

export interface SlideRouteDeps {
	slides: Slides;
	deck: DeckIds;
	limits: Limits;
	room(c: Context): Promise<string>;
	teacher(c: Context): Promise<string>;
	readJson(c: Context): Promise<unknown>;
	limitBody: MiddlewareHandler;
}

// The routes read only the request and the context's address: any Env will do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountSlideRoutes(api: Hono<any>, deps: SlideRouteDeps) {
	const { slides, limits } = deps;
	const slideIds = new Set(deps.deck.slides.map((s) => s.id));
	const chapterIds = new Set(deps.deck.slides.map((s) => s.chapter));

	api.post('/rooms/:code/slide', deps.limitBody, async (c: Context) => {
		const code = await deps.teacher(c);
		const step = checkStep(await deps.readJson(c), slideIds);
		if (!step.ok) throw new HttpError(400, step.error);
		return send(c, 200, await slides.setStep(code, step.value));
	});

	api.post('/rooms/:code/pacing', deps.limitBody, async (c: Context) => {
		const code = await deps.teacher(c);
		const mode = checkPacing(await deps.readJson(c));
		if (!mode.ok) throw new HttpError(400, mode.error);
		return send(c, 200, await slides.setPacing(code, mode.value));
	});

	api.post('/rooms/:code/reader', deps.limitBody, async (c: Context) => {
		const code = await deps.room(c);
		const body = checkReader(await deps.readJson(c), chapterIds);
		if (!body.ok) throw new HttpError(400, body.error);
		if (!limits.perVoter.take(`${code}:${body.value.reader}:reader`, Date.now()))
			throw new HttpError(429, 'too many reports from this phone; wait a moment');
		await slides.report(code, body.value.reader, body.value.chapter);
		return send(c, 200, { chapter: body.value.chapter });
	});

	api.get('/rooms/:code/chapters', async (c: Context) =>
		send(c, 200, await slides.chapters(await deps.teacher(c)))
	);

	for (const [path, method] of [
		['/rooms/:code/slide', 'POST'],
		['/rooms/:code/pacing', 'POST'],
		['/rooms/:code/reader', 'POST'],
		['/rooms/:code/chapters', 'GET']
	]) {
		api.all(path!, () => {
			throw new HttpError(405, `use ${method} for this route`);
		});
	}
}
