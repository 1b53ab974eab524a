import { RENDERED } from '$lib/content/skeleton';
import { staticFeature, type Stills } from '$lib/story/stills';
import { resolve } from '$app/paths';
import type { Content } from '$lib/content/types';
import type { PageLoad } from './$types';

/**
 * The prerender gets the whole story, every scene's still and every chapter rendered on its own
 * (see `ChapterIsland`), so the HTML holds every word and picture; the browser keeps the skeleton
 * the server load sent (see `skeleton`) and a placeholder per still and per chapter, so nothing is
 * shipped twice. A universal load's result is never serialised, which is what makes the
 * difference possible; the imports sit behind `import.meta.env.SSR`, so the browser build drops
 * them.
 */
export const load: PageLoad = async ({ data, fetch }) => {
	if (import.meta.env.SSR) {
		const { getContent } = await import('$lib/content/index.server');
		const { withoutSpeakerNotes } = await import('$lib/content/reader');
		const { renderStills } = await import('$lib/scenes/render-stills');
		const { renderChapters } = await import('$lib/story/render-chapters');
		const content = withoutSpeakerNotes(getContent());
		const stills = renderStills(content);
		return { content, stills: { ...stills, chapters: renderChapters(content, stills) } };
	}
	// Reached by a link from another page of the site (the projector's way back), the page is
	// rendered here, not hydrated: there is no prerendered markup to keep. The story comes whole
	// and renders as the embed does, every chapter awake and every scene live.
	if (!document.querySelector('[data-island]')) {
		const res = await fetch(resolve('/story.json'));
		if (!res.ok) throw new Error(`the story could not be loaded (${res.status})`);
		return { content: (await res.json()) as Content, stills: undefined };
	}
	const { chapters } = data.content;
	const stills: Stills = {
		chapters: Object.fromEntries(chapters.map((c) => [c.id, RENDERED])),
		scenes: Object.fromEntries(chapters.map((c) => [c.id, RENDERED])),
		features: Object.fromEntries(
			chapters.filter((c) => staticFeature(c.feature)).map((c) => [c.id, RENDERED])
		)
	};
	return { ...data, stills };
};
