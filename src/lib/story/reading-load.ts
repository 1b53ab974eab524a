import { RENDERED } from '$lib/content/skeleton';
import { ARTICLE_LINKS } from '$lib/content/links';
import { staticFeature, type Stills } from './stills';
import type { Chapter, Content } from '$lib/content/types';

/**
 * The reading page's three ways of getting its story (see `src/routes/+page.ts`).
 *
 * The prerender gets the whole story, every scene's still and every chapter rendered on its own
 * (see `ChapterIsland`), so the HTML holds every word and picture; the browser keeps the skeleton
 * the server load sent (see `skeleton`) and a placeholder per still and per chapter, so nothing is
 * shipped twice. A universal load's result is never serialised, which is what makes the
 * difference possible.
 */
export async function prerendered(): Promise<{ content: Content; stills: Stills; head: string }> {
	// The guard is what keeps the server's modules out of the browser build: there the branch is
	// `if (false)`, and its imports are never followed.
	if (import.meta.env.SSR) {
		const { getContent } = await import('$lib/content/index.server');
		const { withoutSpeakerNotes } = await import('$lib/content/reader');
		const { renderStills } = await import('$lib/scenes/render-stills');
		const { renderChapters } = await import('./render-chapters');
		const { renderStory } = await import('./render-story');
		const { pageHead } = await import('$lib/social/tags');
		const content = withoutSpeakerNotes(getContent(ARTICLE_LINKS));
		const scenes = renderStills(content);
		const stills = { ...scenes, chapters: renderChapters(content, scenes) };
		return {
			content,
			stills: { ...stills, story: renderStory(content, stills) },
			// Only a page without JavaScript parses a <noscript>: there the stills need their styles.
			head: pageHead(content.story) + `<noscript>${scenes.styles ?? ''}</noscript>`
		};
	}
	throw new Error('the story is rendered whole only when prerendering');
}

/** The page holds the prerendered chapters, so the browser need not be sent them again. */
export const hasPrerenderedStory = () => !!document.querySelector('[data-island]');

/**
 * Reached by a link from another page of the site (the projector's way back), the page is
 * rendered in the browser, not hydrated: there is no prerendered markup to keep. The story comes
 * whole and renders as the embed does, every chapter awake and every scene live.
 */
export async function fetched(
	fetch: typeof globalThis.fetch,
	url: string
): Promise<{ content: Content; stills: undefined; head: string }> {
	const [res, { pageHead }] = await Promise.all([fetch(url), import('$lib/social/tags')]);
	if (!res.ok) throw new Error(`the story could not be loaded (${res.status})`);
	const content = (await res.json()) as Content;
	return { content, stills: undefined, head: pageHead(content.story) };
}

/** Placeholders for what the prerendered page already holds: the story, each chapter, still and feature. */
export function placeholders(chapters: readonly Chapter[]): Stills {
	const each = (list: readonly Chapter[]) => Object.fromEntries(list.map((c) => [c.id, RENDERED]));
	return {
		chapters: each(chapters),
		scenes: each(chapters),
		features: each(chapters.filter((c) => staticFeature(c.feature))),
		story: RENDERED
	};
}
