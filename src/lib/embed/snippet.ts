/** The snippets an editor pastes, shared by the oEmbed endpoint and the share panel. */
import { escapeAttr } from '$lib/html';
import { chapterEmbedPath } from './oembed';

export const DEFAULT_EMBED_HEIGHT = 900;

export interface EmbedOptions {
	chapter?: string | null;
	theme?: 'dark' | 'light';
	mode?: 'scroll' | 'flat';
}

/** `origin` is the site's root URL without a trailing slash, e.g. `https://example.org/strangers`. */
export function embedUrl(origin: string, options: EmbedOptions = {}): string {
	const params = new URLSearchParams();
	if (options.mode === 'flat') params.set('mode', 'flat');
	if (options.theme === 'light') params.set('theme', 'light');
	const query = params.toString();
	// A chapter has a page of its own, prerendered with that chapter alone.
	const path = options.chapter ? chapterEmbedPath(options.chapter) : '/embed';
	return `${origin}${path}${query ? `?${query}` : ''}`;
}

/**
 * An iframe that works on its own (fixed height, scrolls inside) and the loader that makes it
 * grow to its content and follow the host page's scroll.
 */
export function embedSnippet(
	origin: string,
	title: string,
	options: EmbedOptions = {},
	height = DEFAULT_EMBED_HEIGHT
): string {
	const src = escapeAttr(embedUrl(origin, options));
	return (
		`<iframe src="${src}" title="${escapeAttr(title)}" width="100%" height="${height}" ` +
		`loading="lazy" style="display:block;width:100%;border:0" data-strangers-embed></iframe>\n` +
		`<script src="${escapeAttr(origin)}/embed.js" async></script>`
	);
}
