/**
 * Where each page's oEmbed document lives. Every page is prerendered, and a static host cannot
 * answer by query string, so there is one document per embeddable thing: `/oembed.json` for the
 * whole story and `/oembed/<chapter>.json` for each chapter, each named by its page's discovery
 * link. `oembedFor` maps the URL an editor pastes to that document, for a server that answers
 * `/oembed.json?url=` (oEmbed §2.2) by sending the file at the path it returns.
 */

export const STORY_OEMBED_PATH = '/oembed.json';

export function chapterOembedPath(chapter: string): string {
	return `/oembed/${encodeURIComponent(chapter)}.json`;
}

/** A chapter's own embed page: its URL is what an editor pastes to embed just that chapter. */
export function chapterEmbedPath(chapter: string): string {
	return `/embed/${encodeURIComponent(chapter)}`;
}

/** The whole story, or one chapter, as `oembedFor` understands a URL. */
export type OembedTarget = { chapter: string | null; path: string };

/**
 * The oEmbed document for a page or chapter URL of this site, or `null` when the URL is not one
 * of ours (another origin, another page, a chapter the story does not have, not a URL at all).
 *
 * - `site` is the site's root URL without a trailing slash (`SITE_URL`), base path included;
 * - `chapters` are the story's chapter ids.
 *
 * Understood: the reading page (`/`, `/#<chapter>`: a fragment that names no chapter, such as a
 * step's, is still the whole story), the embed (`/embed`, `/embed?chapter=<id>`) and a chapter's
 * embed page (`/embed/<id>`), each with or without `.html` or a trailing slash. The answer's
 * `path` is relative to `site`.
 */
export function oembedFor(
	url: string,
	site: string,
	chapters: readonly string[]
): OembedTarget | null {
	let u: URL;
	let root: URL;
	try {
		u = new URL(url);
		root = new URL(`${site}/`);
	} catch {
		return null;
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
	if (u.host.toLowerCase() !== root.host.toLowerCase()) return null;
	const base = root.pathname.replace(/\/$/, '');
	if (!u.pathname.startsWith(`${base}/`) && u.pathname !== base) return null;
	const rest = u.pathname
		.slice(base.length)
		.replace(/\.html$/, '')
		.replace(/\/+$/, '');
	const known = (id: string | null) => (id && chapters.includes(id) ? id : null);
	const story: OembedTarget = { chapter: null, path: STORY_OEMBED_PATH };
	const chapter = (id: string): OembedTarget => ({ chapter: id, path: chapterOembedPath(id) });

	if (rest === '' || rest === '/index') {
		const id = known(decode(u.hash.slice(1)));
		return id ? chapter(id) : story;
	}
	if (rest === '/embed') {
		const asked = u.searchParams.get('chapter')?.trim() || null;
		if (!asked) return story;
		const id = known(asked);
		return id ? chapter(id) : null;
	}
	const page = /^\/embed\/([^/]+)$/.exec(rest);
	if (page) {
		const id = known(decode(page[1]!));
		return id ? chapter(id) : null;
	}
	return null;
}

function decode(part: string): string | null {
	try {
		return decodeURIComponent(part);
	} catch {
		return null;
	}
}
