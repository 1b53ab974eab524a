import { describe, expect, it } from 'vitest';
import { chapterOembedPath, oembedFor, STORY_OEMBED_PATH } from '../../src/lib/embed/oembed';
import { oembed } from '../../src/lib/social/oembed';
import type { Story } from '../../src/lib/content/types';

const SITE = 'https://example.org/strangers';
const CHAPTERS = ['opening', 'home', 'reading-lenses'];
const at = (url: string) => oembedFor(url, SITE, CHAPTERS);

describe('oembedFor', () => {
	it('maps the reading page to the whole story', () => {
		for (const url of [
			`${SITE}`,
			`${SITE}/`,
			`${SITE}/index.html`,
			`${SITE}/?utm_source=x`,
			// A fragment that is no chapter (a step, a note) is still the whole page.
			`${SITE}/#home-knock-step`
		])
			expect(at(url), url).toEqual({ chapter: null, path: STORY_OEMBED_PATH });
	});

	it('maps a chapter, however its URL names it, to that chapter’s document', () => {
		for (const url of [
			`${SITE}/#home`,
			`${SITE}/embed?chapter=home`,
			`${SITE}/embed/?chapter=home&theme=light`,
			`${SITE}/embed.html?chapter=home`,
			`${SITE}/embed/home`,
			`${SITE}/embed/home/`,
			`${SITE}/embed/home.html?mode=flat`,
			`HTTPS://EXAMPLE.ORG/strangers/embed/home`
		])
			expect(at(url), url).toEqual({ chapter: 'home', path: '/oembed/home.json' });
		expect(at(`${SITE}/embed`)).toEqual({ chapter: null, path: STORY_OEMBED_PATH });
		expect(chapterOembedPath('reading-lenses')).toBe('/oembed/reading-lenses.json');
	});

	it('answers null for what is not a page of this site or names no chapter of it', () => {
		for (const url of [
			'',
			'not a url',
			'javascript:alert(1)',
			'ftp://example.org/strangers/',
			'https://other.org/strangers/#home',
			'https://example.org.evil.com/strangers/',
			'https://example.org/',
			'https://example.org/strangersx/',
			`${SITE}/present`,
			`${SITE}/handout`,
			`${SITE}/embed?chapter=nowhere`,
			`${SITE}/embed/nowhere`,
			`${SITE}/embed/home/extra`,
			`${SITE}/embed/%E0%A4%A`
		])
			expect(at(url), url).toBeNull();
	});

	it('works for a site at a domain’s root', () => {
		expect(oembedFor('http://localhost:4173/#home', 'http://localhost:4173', CHAPTERS)).toEqual({
			chapter: 'home',
			path: '/oembed/home.json'
		});
		expect(oembedFor('http://localhost:4173/', 'http://localhost:4173', CHAPTERS)?.path).toBe(
			STORY_OEMBED_PATH
		);
	});
});

describe('a chapter’s oEmbed document', () => {
	const story = { headline: 'All of Us Strangers, explained' } as Story;

	it('embeds that chapter, under its own title', () => {
		const doc = oembed(story, SITE, { id: 'home', title: 'Home' }, 4321);
		expect(doc).toMatchObject({ version: '1.0', type: 'rich', height: 4321 });
		expect(doc.title).toBe('All of Us Strangers, explained, chapter: Home');
		expect(doc.html).toContain(`src="${SITE}/embed/home"`);
		expect(doc.html).toContain('height="4321"');
		expect(oembed(story, SITE).html).toContain(`src="${SITE}/embed"`);
	});
});
