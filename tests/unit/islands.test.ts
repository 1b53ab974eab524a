import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { withoutSpeakerNotes } from '$lib/content/reader';
import { renderStills } from '$lib/scenes/render-stills';
import { renderChapters } from '$lib/story/render-chapters';

const content = withoutSpeakerNotes(loadContent(resolve('content')));
const chapters = renderChapters(content, renderStills(content));

/** The markup's top-level nodes, as `{@html}` hydration walks them: comments and elements. */
function topLevel(html: string): string[] {
	const out: string[] = [];
	let depth = 0;
	for (const m of html.matchAll(/<!--([\s\S]*?)-->|<(\/?)([a-z][\w-]*)[^>]*?(\/?)>/g)) {
		if (m[1] !== undefined) {
			if (depth === 0) out.push(`<!--${m[1]}-->`);
			continue;
		}
		const [, , closing, tag, selfClosing] = m;
		const voidTag = /^(area|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/.test(tag!);
		if (closing) depth--;
		else if (!selfClosing && !voidTag) {
			if (depth === 0) out.push(`<${tag}>`);
			depth++;
		}
	}
	return out;
}

describe('each chapter rendered on its own (the islands the page wakes one by one)', () => {
	it('is one hydration root around one section, with the chapter id', () => {
		for (const c of content.chapters) {
			const html = chapters[c.id]!;
			expect(topLevel(html), c.id).toEqual(['<!--[-->', '<section>', '<!--]-->']);
			expect(html, c.id).toMatch(new RegExp(`^<!--\\[--><section id="${c.id}"`));
		}
	});

	it('holds every step and the still of its scene', () => {
		for (const c of content.chapters) {
			const html = chapters[c.id]!;
			for (const s of c.steps) expect(html, s.id).toContain(`id="${s.id}"`);
			expect(html, c.id).toContain('<noscript>');
		}
	});
});
