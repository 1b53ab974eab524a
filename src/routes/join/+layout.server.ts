import { getContent } from '$lib/content/index.server';

/**
 * The phone's copy of the lesson: the deck the projector shows, so that a slide change on the
 * room's stream (a slide id) is shown from the prerendered words, not fetched. Citation marks
 * lead to the sources list, which lives in the article (`/`).
 */
export const load = () => {
	const { chapters, sources } = getContent({ sourcesPage: '/' });
	return {
		chapters,
		sources: sources.map((s) => ({ id: s.id, n: s.n, headline: s.headline }))
	};
};
