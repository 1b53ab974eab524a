import { error } from '@sveltejs/kit';
import { getContent } from '$lib/content/index.server';
import { ARTICLE_LINKS } from '$lib/content/links';
import { withoutSpeakerNotes } from '$lib/content/reader';

// A chapter's own embed page, with its own oEmbed link. Like `/embed`, its HTML holds the whole
// story (the other chapters' notes and sources that its links lead to); the page shows the one.
export const entries = () => getContent(ARTICLE_LINKS).chapters.map((c) => ({ chapter: c.id }));

export const load = ({ params }) => {
	const content = withoutSpeakerNotes(getContent(ARTICLE_LINKS));
	if (!content.chapters.some((c) => c.id === params.chapter))
		error(404, `The story has no chapter called “${params.chapter}”.`);
	return { content, chapter: params.chapter };
};
