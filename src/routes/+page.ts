import { resolve } from '$app/paths';
import { nextTask } from '$lib/later';
import { RENDERED } from '$lib/content/skeleton';
import { fetched, hasPrerenderedStory, placeholders, prerendered } from '$lib/story/reading-load';
import type { PageLoad } from './$types';

// See `reading-load`: the prerender renders everything, the browser keeps what the page holds.
export const load: PageLoad = async ({ data, fetch }) => {
	if (import.meta.env.SSR) return prerendered();
	if (!hasPrerenderedStory()) return fetched(fetch, resolve('/story.json'));
	// This page's modules were evaluated just now, in the same task (30–40 ms at 1× here, four
	// times that on a phone): hydration waits for the next one, so the two do not add up to one
	// long task.
	await nextTask();
	return { ...data, stills: placeholders(data.content.chapters), head: RENDERED };
};
