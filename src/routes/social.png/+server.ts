import { getContent } from '$lib/content/index.server';
import { socialSvg } from '$lib/social/image';
import { renderPng } from '$lib/social/render.server';

export const prerender = true;

/** The 1200×630 link-preview image, drawn by us and rendered once at build time. */
export function GET() {
	const { story } = getContent();
	const png = renderPng(
		socialSvg({
			title: story.title,
			kicker: story.kicker,
			dek: story.dek
		})
	);
	return new Response(new Uint8Array(png), {
		headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }
	});
}
