import type { Story } from '$lib/content/types';
import { escapeAttr } from '$lib/html';
import { SOCIAL_IMAGE } from './image-spec';
import { articleJsonLd, scriptSafeJson } from './jsonld';
import { SITE_URL } from './site';

/**
 * The reading page's head but for its title, as one string: its description and the social tags
 * below. Built by the prerender (and by a page that renders the story in the browser); the page
 * shows it through `{@html}` (see PageHead), so hydrating the page walks none of it and the
 * browser's first load carries none of this module.
 */
export function pageHead(story: Story, site: string = SITE_URL): string {
	return `<meta name="description" content="${escapeAttr(story.description)}">${socialTags(story, site)}`;
}

/**
 * The reading page's link-preview, search and oEmbed tags, as one string of HTML: canonical and
 * oEmbed links, Open Graph and Twitter cards, and the JSON-LD article. Every value is escaped.
 */
export function socialTags(story: Story, site: string = SITE_URL): string {
	const url = `${site}/`;
	const image = `${site}${SOCIAL_IMAGE.path}`;
	const title = story.headline;
	const attrs = (pairs: [string, string][]) =>
		pairs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
	const meta = (key: 'property' | 'name', name: string, content: string) =>
		`<meta${attrs([
			[key, name],
			['content', content]
		])}>`;
	return [
		`<link${attrs([
			['rel', 'canonical'],
			['href', url]
		])}>`,
		`<link${attrs([
			['rel', 'alternate'],
			['type', 'application/json+oembed'],
			['href', `${site}/oembed.json`],
			['title', title]
		])}>`,
		meta('property', 'og:type', 'article'),
		meta('property', 'og:site_name', title),
		meta('property', 'og:title', title),
		meta('property', 'og:description', story.description),
		meta('property', 'og:url', url),
		meta('property', 'og:locale', 'en_GB'),
		meta('property', 'og:image', image),
		meta('property', 'og:image:type', 'image/png'),
		meta('property', 'og:image:width', String(SOCIAL_IMAGE.width)),
		meta('property', 'og:image:height', String(SOCIAL_IMAGE.height)),
		meta('property', 'og:image:alt', story.imageAlt),
		meta('name', 'twitter:card', 'summary_large_image'),
		meta('name', 'twitter:title', title),
		meta('name', 'twitter:description', story.description),
		meta('name', 'twitter:image', image),
		meta('name', 'twitter:image:alt', story.imageAlt),
		// A data block, never executed: CSP's script-src does not apply to it (checked in the tests).
		`<script type="application/ld+json">${scriptSafeJson(articleJsonLd(story, site, image))}</` +
			'script>'
	].join('');
}
