import type { Chapter, Story } from '$lib/content/types';
import { DEFAULT_EMBED_HEIGHT, embedSnippet } from '$lib/embed/snippet';
import { SOCIAL_IMAGE } from './image-spec';

/**
 * The oEmbed 1.0 "rich" response (https://oembed.com, §2.3.4) for the whole story, or for one
 * chapter when `chapter` is given (its document is `/oembed/<id>.json`: lib/embed/oembed.ts).
 */
export function oembed(
	story: Story,
	site: string,
	chapter?: Pick<Chapter, 'id' | 'title'>,
	height = DEFAULT_EMBED_HEIGHT
) {
	const title = chapter ? `${story.headline}, chapter: ${chapter.title}` : story.headline;
	return {
		version: '1.0',
		type: 'rich',
		title,
		provider_name: story.headline,
		provider_url: `${site}/`,
		html: embedSnippet(site, title, { chapter: chapter?.id ?? null }, height),
		width: 720,
		height,
		thumbnail_url: `${site}${SOCIAL_IMAGE.path}`,
		thumbnail_width: SOCIAL_IMAGE.width,
		thumbnail_height: SOCIAL_IMAGE.height,
		cache_age: 86400
	};
}
