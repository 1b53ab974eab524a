import type { Story } from '$lib/content/types';

/** schema.org `Article` for the piece. */
export function articleJsonLd(story: Story, site: string, image: string) {
	return {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: story.headline,
		description: story.description,
		image: [image],
		url: `${site}/`,
		mainEntityOfPage: { '@type': 'WebPage', '@id': `${site}/` },
		wordCount: story.words,
		timeRequired: `PT${story.readingMinutes}M`,
		inLanguage: 'en-GB',
		about: {
			'@type': 'Movie',
			name: story.title,
			dateCreated: String(story.film.year),
			director: { '@type': 'Person', name: story.film.director }
		}
	};
}

/**
 * JSON inside a `<script>` data block: `<` is escaped so no string in the data can close the
 * element or open a comment, and U+2028/2029 for old parsers.
 */
export function scriptSafeJson(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}
