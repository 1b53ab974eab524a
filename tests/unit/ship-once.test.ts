import { resolve } from 'node:path';
import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/content/load';
import { withoutSpeakerNotes } from '$lib/content/reader';
import { RENDERED, skeleton } from '$lib/content/skeleton';
import { renderStills } from '$lib/scenes/render-stills';
import { withoutComments } from '$lib/story/stills';

const content = withoutSpeakerNotes(loadContent(resolve('content')));
const bones = skeleton(content);
const shipped = JSON.stringify(bones);

describe('the hydration data of the reading page', () => {
	it('carries none of the prose the prerendered HTML already holds', () => {
		const prose = [
			...content.chapters.flatMap((c) => [...c.steps.map((s) => s.html), ...c.questions]),
			...content.clues.flatMap((c) => [c.clue, c.suggests]),
			// A disagreement's conclusion is redrawn by its chapter's graphic at each step, so it ships.
			...content.disagreements.map((d) => d.reason),
			...content.sources.map((s) => s.about),
			content.story.credits
		].filter((html) => html.length > 40);
		expect(prose.length).toBeGreaterThan(50);
		for (const html of prose) expect(shipped).not.toContain(JSON.stringify(html).slice(1, -1));
		// Measured as SvelteKit serialises page data (devalue keeps a shared object once).
		expect(stringify(bones).length).toBeLessThan(stringify(content).length * 0.6);
	});

	it('keeps the shape: a placeholder where there were words, nothing where there were none', () => {
		bones.chapters.forEach((c, i) => {
			const full = content.chapters[i]!;
			expect(c.id).toBe(full.id);
			expect(c.title).toBe(full.title);
			expect(c.steps.map((s) => [s.id, s.state, s.alt])).toEqual(
				full.steps.map((s) => [s.id, s.state, s.alt])
			);
			c.steps.forEach((s, j) => expect(s.html).toBe(full.steps[j]!.html ? RENDERED : ''));
		});
		// A non-empty placeholder: an empty one would make Svelte skip the server's nodes.
		expect(RENDERED.length).toBeGreaterThan(0);
	});

	it('keeps every word that an interaction renders again (lenses, voices, titles)', () => {
		expect(bones.readings).toEqual(content.readings);
		expect(bones.beats).toEqual(content.beats);
		expect(bones.quotes).toEqual(content.quotes);
		expect(bones.story.title).toBe(content.story.title);
		expect(bones.story.spoiler.button).toBe(content.story.spoiler.button);
	});
});

describe('scene stills', () => {
	const stills = renderStills(content);

	it('prerenders one still per chapter, its scene and first state, without hydration markers', () => {
		expect(Object.keys(stills.scenes)).toEqual(content.chapters.map((c) => c.id));
		for (const chapter of content.chapters) {
			const html = stills.scenes[chapter.id]!;
			expect(html).toContain(`data-scene="${chapter.scene}"`);
			expect(html).toContain(`data-state="${chapter.steps[0]!.state}"`);
			expect(html).not.toContain('<!--');
		}
	});

	it('prerenders every static feature in full, and leaves the Sources list live', () => {
		const withFeature = content.chapters.filter((c) => c.feature && c.feature !== 'sources');
		expect(withFeature.length).toBeGreaterThan(3);
		expect(Object.keys(stills.features).sort()).toEqual(withFeature.map((c) => c.id).sort());
		const evidence = content.chapters.find((c) => c.feature === 'evidence')!;
		// The clue board holds every clue's words, which the skeleton does not ship.
		for (const clue of content.clues)
			expect(stills.features[evidence.id]).toContain(`id="clue-${clue.id}"`);
		for (const html of Object.values(stills.features)) expect(html).not.toContain('<!--');
		expect(content.chapters.some((c) => c.feature === 'sources' && c.id in stills.features)).toBe(
			false
		);
	});

	it('strips every comment, however it is written', () => {
		expect(withoutComments('<p><!--[-->a<!---->b<!--]--></p><!--x\ny-->')).toBe('<p>ab</p>');
	});
});
