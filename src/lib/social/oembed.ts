import type { Story } from '$lib/content/types';
import { DEFAULT_EMBED_HEIGHT, embedSnippet } from '$lib/embed/snippet';
import { SOCIAL_IMAGE } from './image-spec';

/** The oEmbed 1.0 "rich" response for the whole story (https://oembed.com, §2.3.4). */
export function oembed(story: Story, site: string) {
	const title = story.headline;
	return {
		version: '1.0',
		type: 'rich',
		title,
		provider_name: title,
		provider_url: `${site}/`,
		html: embedSnippet(site, title),
		width: 720,
		height: DEFAULT_EMBED_HEIGHT,
		thumbnail_url: `${site}${SOCIAL_IMAGE.path}`,
		thumbnail_width: SOCIAL_IMAGE.width,
		thumbnail_height: SOCIAL_IMAGE.height,
		cache_age: 86400
	};
}
