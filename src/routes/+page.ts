import { resolve } from '$app/paths';
import { fetched, hasPrerenderedStory, placeholders, prerendered } from '$lib/story/reading-load';
import type { PageLoad } from './$types';

// See `reading-load`: the prerender renders everything, the browser keeps what the page holds.
export const load: PageLoad = async ({ data, fetch }) => {
	if (import.meta.env.SSR) return prerendered();
	if (!hasPrerenderedStory()) return fetched(fetch, resolve('/story.json'));
	return { ...data, stills: placeholders(data.content.chapters) };
};
