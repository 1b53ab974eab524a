import { describe, expect, it } from 'vitest';
import { renderBlock, renderInline } from '$lib/content/markdown';

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
