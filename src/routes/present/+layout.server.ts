import { getContent } from '$lib/content/index.server';
import type { Chapter } from '$lib/content/types';

/**
 * The presenter and the speaker view share the deck: the story's chapters, its title and the
 * sources. Citation marks point at the sources list, which lives in the article (`/`), so their
 * links are made to lead there.
 */
export const load = () => {
	const { story, chapters, sources } = getContent();
	const toArticle = (html: string) => html.replaceAll('href="#source-', 'href="/#source-');
	const deckChapters: Chapter[] = chapters.map((c) => ({
		...c,
		questions: c.questions.map(toArticle),
		steps: c.steps.map((s) => ({ ...s, html: toArticle(s.html), notes: toArticle(s.notes) }))
	}));
	return {
		story: { title: story.title, dek: story.dek },
		chapters: deckChapters,
		sources: sources.map((s) => ({ id: s.id, n: s.n, headline: s.headline }))
	};
};
