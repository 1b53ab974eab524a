import type { Content, Graphic, Html } from './types';

/**
 * What a rendered-once field becomes in the browser's copy of the story. Not empty: Svelte keeps
 * the server's nodes for `{@html}` during hydration only when the client value is a non-empty
 * string (an empty one claims nothing and misaligns what follows).
 */
export const RENDERED = ' ';

const once = (html: Html): Html => (html ? RENDERED : html);

/**
 * The story as the browser needs it to bring the prerendered page to life: ids, titles, scene
 * states, citations and everything an interaction re-renders (the lenses, the voices), but none of
 * the prose that is only ever shown once through `{@html}` in the server's HTML. That prose is
 * already in the page; shipping it again as hydration data doubled the story's weight.
 *
 * Only fields that are rendered with `{@html}` in blocks present from the first paint, on the
 * reading page and the embed alike, may be listed here; anything re-rendered later must keep its
 * words.
 */
export function skeleton(content: Content): Content {
	const clues = content.clues.map((c) => ({
		...c,
		clue: once(c.clue),
		suggests: once(c.suggests)
	}));
	// The disagreements graphic redraws each point's claims and conclusion step by step, so those
	// ship; the reason is the card list's alone.
	const disagreements = content.disagreements.map((d) => ({ ...d, reason: once(d.reason) }));
	const sources = content.sources.map((s) => ({ ...s, about: once(s.about) }));
	// A graphic holds the page's own lists; it gets the same lightened ones.
	const shared = (g: Graphic): Graphic => ({
		...g,
		...('clues' in g && { clues }),
		...('points' in g && { points: disagreements }),
		...('sources' in g && { sources })
	});
	return {
		...content,
		story: {
			...content.story,
			credits: once(content.story.credits),
			spoiler: { ...content.story.spoiler, html: once(content.story.spoiler.html) }
		},
		chapters: content.chapters.map((c) => ({
			...c,
			graphic: c.graphic && shared(c.graphic),
			questions: c.questions.map(once),
			steps: c.steps.map((s) => ({ ...s, html: once(s.html) }))
		})),
		sources,
		clues,
		disagreements
	};
}
