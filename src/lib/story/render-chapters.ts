import { render } from 'svelte/server';
import type { Content } from '$lib/content/types';
import { stillsContext, type Stills } from './stills';
import Chapter from './Chapter.svelte';

/**
 * Server only (the prerender): each chapter rendered as a page of its own, hydration markers
 * included, so that the browser can bring one chapter to life (`hydrate`) without walking the
 * others. Rendered with the page's stills, so it is exactly what the page would have held.
 */
export function renderChapters(content: Content, stills: Stills): Record<string, string> {
	const context = stillsContext(stills);
	return Object.fromEntries(
		content.chapters.map((chapter) => [
			chapter.id,
			render(Chapter, { props: { chapter, content }, context }).body
		])
	);
}
