import type { Handle } from '@sveltejs/kit';
import { isArticle } from '$lib/articles';
import { preloadsToBodyEnd } from '$lib/story/preloads';

/**
 * The story pages (the reading page and the embed) list their `modulepreload` links at the end of
 * the body, not in the head. In the head, thirty of them made the browser fetch 87 KB of scripts
 * alongside the HTML, and the first paint and the largest one waited on that
 * traffic (Lighthouse mobile, four paired runs: FCP 1.8–2.1 s with them, 1.42–1.50 s without).
 * Left out altogether, Vite's loader added the same thirty links from script as the page
 * started, one `appendChild` at a time into a large document: 115–160 ms of the start-up task
 * at a phone's CPU speed. At the end of the body they are found as the words finish arriving,
 * which is when the scripts load anyway, and the loader finds them already there.
 * The classroom's pages keep theirs in the head: they are apps, not articles.
 */
export const handle: Handle = ({ event, resolve }) => {
	const article = isArticle(event.route.id);
	// SvelteKit's default is scripts and styles; no font is preloaded (see web-fonts).
	return resolve(event, {
		preload: ({ type }) => type === 'css' || type === 'js',
		transformPageChunk: article ? ({ html }) => preloadsToBodyEnd(html) : undefined
	});
};
