import type { Handle } from '@sveltejs/kit';

/**
 * The story pages (the reading page and the embed) list no `modulepreload` links. Thirty of them
 * in the head made the browser fetch 87 KB of scripts alongside the HTML and the dek's font, and
 * the first paint and the largest one waited on that traffic: Lighthouse mobile, four paired runs,
 * FCP 1.8–2.1 s with them and 1.42–1.50 s without; LCP 2.0–2.4 s and 1.79–1.86 s. The scripts
 * still load, from the import at the end of the body, once the words are on screen, and every
 * word works without them. The classroom's pages keep their preloads: they are apps, not articles.
 */
const ARTICLES = new Set(['/', '/embed']);

export const handle: Handle = ({ event, resolve }) => {
	const article = ARTICLES.has(event.route.id ?? '');
	// SvelteKit's default is scripts and styles; fonts are preloaded by hand, one face (+layout).
	return resolve(event, {
		preload: ({ type }) => type === 'css' || (type === 'js' && !article)
	});
};
