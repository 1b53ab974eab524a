import { getContext, setContext } from 'svelte';

/**
 * Parts of the reading page as prerendered HTML, keyed by chapter id. On the server the strings
 * hold the markup; in the browser each is a placeholder (see `RENDERED`), because the markup is
 * already in the page, and hydration leaves it untouched.
 * - `scenes`: a chapter keeps its still until the reader nears it; then the live scene replaces it.
 * - `features`: a chapter's folded lists in full, static, so they stay as they are for good.
 * - `chapters`: each chapter whole. The page comes to life without it, and a chapter is brought
 *   to life (hydrated) only when the reader nears it (see `ChapterIsland`).
 * - `styles`: the drawings' styles, which reach the browser with their code: without JavaScript,
 *   in a `<noscript>` in the head.
 * - `story`: the story whole (StoryShell), chapters asleep in it, brought to life in a task after
 *   the page's own (see +page.svelte).
 */
export interface Stills {
	scenes: Readonly<Record<string, string>>;
	features: Readonly<Record<string, string>>;
	chapters?: Readonly<Record<string, string>>;
	story?: string;
	/** The stylesheets of the scenes' drawings, for a page that shows their stills without JavaScript. */
	styles?: string;
}

const KEY = Symbol('stills');

export function provideStills(stills: Stills | undefined): void {
	setContext(KEY, stills);
}

/** The context a chapter rendered on its own needs to render as it does inside the page. */
export function stillsContext(stills: Stills): Map<symbol, Stills> {
	return new Map([[KEY, stills]]);
}

export function useStills(): Stills | undefined {
	return getContext<Stills | undefined>(KEY);
}

/** Features that hold no state of their own (the Sources list offers a way back: it is live). */
export const staticFeature = (feature: string | undefined) => !!feature && feature !== 'sources';

/**
 * Hydration markers out: the string is shown through `{@html}`, whose hydration claims nodes up
 * to the first empty comment, and it is replaced rather than hydrated, so it needs none.
 */
export function withoutComments(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '');
}
