import { error, json } from '@sveltejs/kit';
import { getContent } from '$lib/content/index.server';
import { oembed } from '$lib/social/oembed';
import { SITE_URL } from '$lib/social/site';

// One document per chapter: a static host cannot answer `/oembed.json?url=` by its query.
export const prerender = true;

export const entries = () => getContent().chapters.map((c) => ({ chapter: c.id }));

export function GET({ params }) {
	const content = getContent();
	const chapter = content.chapters.find((c) => c.id === params.chapter);
	if (!chapter) error(404, `The story has no chapter called “${params.chapter}”.`);
	return json(oembed(content.story, SITE_URL, chapter));
}
