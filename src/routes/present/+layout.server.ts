import { getContent } from '$lib/content/index.server';

/**
 * The presenter and the speaker view share the deck: the story's chapters, its title and the
 * sources. Citation marks in the chapters' text lead to the sources list, which lives in the
 * article (`/`).
 */
export const load = () => {
	const { story, chapters, sources } = getContent({ sourcesPage: '/' });
	return {
		story: { title: story.title, dek: story.dek },
		chapters,
		sources: sources.map((s) => ({ id: s.id, n: s.n, headline: s.headline }))
	};
};
