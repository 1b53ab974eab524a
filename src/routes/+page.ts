import { RENDERED } from '$lib/content/skeleton';
import { staticFeature, type Stills } from '$lib/story/stills';
import type { PageLoad } from './$types';

/**
 * The prerender gets the whole story and every scene's still, so the HTML holds every word and
 * picture; the browser keeps the skeleton the server load sent (see `skeleton`) and a placeholder
 * per still, so nothing is shipped twice. A universal load's result is never serialised, which is
 * what makes the difference possible; the imports sit behind `import.meta.env.SSR`, so the
 * browser build drops them.
 */
export const load: PageLoad = async ({ data }) => {
	if (import.meta.env.SSR) {
		const { getContent } = await import('$lib/content/index.server');
		const { withoutSpeakerNotes } = await import('$lib/content/reader');
		const { renderStills } = await import('$lib/scenes/render-stills');
		const content = withoutSpeakerNotes(getContent());
		return { content, stills: renderStills(content) };
	}
	const { chapters } = data.content;
	const stills: Stills = {
		scenes: Object.fromEntries(chapters.map((c) => [c.id, RENDERED])),
		features: Object.fromEntries(
			chapters.filter((c) => staticFeature(c.feature)).map((c) => [c.id, RENDERED])
		)
	};
	return { ...data, stills };
};
