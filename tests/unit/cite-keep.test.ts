import { describe, expect, it } from 'vitest';
import { renderBlock, renderInline } from '$lib/content/markdown';
import { ARTICLE_LINKS, CITE_NOTE_ID } from '$lib/content/links';

const sources = new Map([
	['alpha', { n: 1, headline: 'Alpha' }],
	['beta', { n: 2, headline: 'Beta' }]
]);

describe('a citation mark stays on the line of the word before it', () => {
	it('wraps the word and every mark after it in one unbreakable span', () => {
		const html = renderInline('He was twelve.[^alpha][^beta] Then more.', sources);
		expect(html).toMatch(
			/^He was <span class="cite-keep">twelve\.<sup class="cite"><a href="#source-alpha"[^>]*>1<\/a><\/sup><sup class="cite"><a href="#source-beta"[^>]*>2<\/a><\/sup><\/span> Then more\.$/
		);
	});

	it('never cuts through italics, even across a line of the source', () => {
		const html = renderBlock('He plays *The\nPower of Love*.[^alpha] Then.', sources);
		expect(html).toContain(
			'<em>The\nPower of Love</em><span class="cite-keep">.<sup class="cite">'
		);
	});

	it('sets a run of marks in source order, each source once', () => {
		const html = renderInline('Held.[^beta][^alpha][^beta] After.', sources);
		const shown = [...html.matchAll(/#source-([a-z]+)"/g)].map((m) => m[1]);
		expect(shown).toEqual(['alpha', 'beta']);
	});

	it('leaves a mark at the start of a line on its own, and drops an unknown one', () => {
		expect(renderInline('[^alpha] first', sources)).toMatch(/^<span class="cite-keep"><sup/);
		expect(renderInline('word.[^nobody] after', sources)).toBe('word. after');
	});
});

describe("the article's marks", () => {
	it('are buttons that open the note in place, each with its link for a page without JavaScript', () => {
		const html = renderInline('Held.[^alpha][^beta] After.', sources, ARTICLE_LINKS);
		const marks = [...html.matchAll(/<sup class="cite">(.*?)<\/sup>/g)].map((m) => m[1]!);
		expect(marks).toHaveLength(2);
		const [first] = marks;
		expect(first).toMatch(
			new RegExp(
				`^<button type="button" class="cite-mark" data-source="alpha" aria-label="Source 1: Alpha" ` +
					`title="Source 1: Alpha" aria-expanded="false" aria-haspopup="dialog" aria-controls="${CITE_NOTE_ID}">1</button>` +
					'<noscript><a href="#source-alpha" aria-label="Source 1: Alpha" title="Source 1: Alpha">1</a></noscript>$'
			)
		);
		// Outside the <noscript>, a mark is no link: nothing for the router to scan or a script to swap.
		expect(html.replace(/<noscript>.*?<\/noscript>/g, '')).not.toContain('<a ');
	});

	it('are links by default, as the classroom deck and the handout print them', () => {
		expect(renderInline('Held.[^alpha]', sources)).not.toContain('<button');
		expect(renderInline('Held.[^alpha]', sources, { sourcesPage: '/' })).toContain(
			'<a href="/#source-alpha"'
		);
	});
});
