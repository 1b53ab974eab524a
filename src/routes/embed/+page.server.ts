import { getContent } from '$lib/content/index.server';
import { ARTICLE_LINKS } from '$lib/content/links';
import { withoutSpeakerNotes } from '$lib/content/reader';

export const load = () => ({ content: withoutSpeakerNotes(getContent(ARTICLE_LINKS)) });
