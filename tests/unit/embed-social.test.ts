import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { socialSvg, wrap } from '../../src/lib/social/image';
import { renderPng } from '../../src/lib/social/render.server';
import { woffToSfnt } from '../../src/lib/social/woff';
import type { Story } from '../../src/lib/content/types';

describe('social image', () => {
	it('unpacks a WOFF font into an sfnt with the same tables', () => {
		const woff = readFileSync('node_modules/@fontsource/inter/files/inter-latin-600-normal.woff');
		const ttf = woffToSfnt(woff);
		expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
		expect(ttf.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
		expect(ttf.length).toBe(woff.readUInt32BE(16));
	});

	it('rejects what is not WOFF', () => {
		expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/WOFF/);
	});

	it('wraps the dek and ellipsises past the last line', () => {
		expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrap('a b c d e f', 1, 2)).toEqual(['a', '…']);
	});

	it('renders 1200×630 PNG with text drawn from our own fonts', () => {
		const svg = socialSvg({
			title: 'All of Us Strangers',
			kicker: 'The ending explained',
			dek: 'A lonely man, the parents he lost as a boy, the neighbour he once turned away: the film, its ending, and how far the evidence lets us read it.'
		});
		const png = renderPng(svg);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(png.readUInt32BE(16)).toBe(1200);
		expect(png.readUInt32BE(20)).toBe(630);
		const blank = renderPng(svg.replace(/<text[\s\S]*?<\/text>/g, ''));
		// The text changed pixels: fonts were found (resvg silently drops text it cannot shape).
		expect(png.equals(blank)).toBe(false);
		if (process.env.SOCIAL_PNG) writeFileSync(process.env.SOCIAL_PNG, png);
	});
});

describe('social tags', () => {
	const story = {
		headline: 'Strangers "and" <friends> & more',
		description: 'A dek with "quotes"',
		imageAlt: 'A tower <at night>',
		title: 'Strangers',
		film: { year: 2023, director: 'Andrew Haigh' },
		words: 100,
		readingMinutes: 1
	} as unknown as Story;

	it('writes every preview tag once, each value escaped, and the JSON-LD as a data block', async () => {
		const { socialTags } = await import('../../src/lib/social/tags');
		const html = socialTags(story, 'https://example.org/s');
		const tags = html.match(/<(?:meta|link)\b[^>]*>/g) ?? [];
		expect(tags).toHaveLength(18);
		for (const name of ['og:title', 'og:site_name', 'twitter:title'])
			expect(html).toContain(
				`="${name}" content="Strangers &quot;and&quot; &lt;friends&gt; &amp; more">`
			);
		expect(html).toContain('<link rel="canonical" href="https://example.org/s/">');
		expect(html).toContain('content="https://example.org/s/social.png"');
		expect(html).toContain('content="A tower &lt;at night&gt;"');
		expect(html).not.toMatch(/content="[^"]*[<>][^"]*"/);
		const ld = html.match(/<script type="application\/ld\+json">(.*)<\/script>$/s)?.[1];
		expect(JSON.parse(ld!).headline).toBe(story.headline);
	});

	it("the page's head: its description, escaped, ahead of the same social tags", async () => {
		const { pageHead, socialTags } = await import('../../src/lib/social/tags');
		const head = pageHead(story, 'https://example.org/s');
		expect(head).toBe(
			'<meta name="description" content="A dek with &quot;quotes&quot;">' +
				socialTags(story, 'https://example.org/s')
		);
	});
});
