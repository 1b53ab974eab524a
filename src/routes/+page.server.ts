import { getContent } from '$lib/content/index.server';
import { ARTICLE_LINKS } from '$lib/content/links';
import { withoutSpeakerNotes } from '$lib/content/reader';
import { skeleton } from '$lib/content/skeleton';

// Serialised into the page as hydration data: the story without the prose the HTML already holds.
export const load = () => ({ content: skeleton(withoutSpeakerNotes(getContent(ARTICLE_LINKS))) });
