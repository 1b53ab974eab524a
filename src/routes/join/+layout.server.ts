import { getContent } from '$lib/content/index.server';

/**
 * The phone's copy of the lesson: the deck the projector shows, so that a slide change on the
 * room's stream (a slide id) is shown from the prerendered words, not fetched. Citation marks
 * lead to the sources list, which lives in the article (`/`). The speaker notes are the
 * teacher's: they stay off the phones (and out of the page's weight).
 */
export const load = () => {
	const { chapters, sources } = getContent({ sourcesPage: '/' });
	return {
		chapters: chapters.map((c) => ({
			...c,
			steps: c.steps.map((s) => ({ ...s, notes: '' }))
		})),
		sources: sources.map((s) => ({ id: s.id, n: s.n, headline: s.headline }))
	};
};
