import { json } from '@sveltejs/kit';
import { getContent } from '$lib/content/index.server';
import { ARTICLE_LINKS } from '$lib/content/links';
import { withoutSpeakerNotes } from '$lib/content/reader';

// The whole story, words included, for the reading page when a link brings a reader to it from
// another page of the site: then there is no prerendered markup to keep (see routes/+page.ts).
export const prerender = true;

export const GET = () => json(withoutSpeakerNotes(getContent(ARTICLE_LINKS)));
