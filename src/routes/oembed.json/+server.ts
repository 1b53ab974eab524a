import { json } from '@sveltejs/kit';
import { getContent } from '$lib/content/index.server';
import { oembed } from '$lib/social/oembed';
import { SITE_URL } from '$lib/social/site';

export const prerender = true;

export function GET() {
	return json(oembed(getContent().story, SITE_URL));
}
