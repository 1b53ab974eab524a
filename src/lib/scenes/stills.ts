import { getContext, setContext } from 'svelte';

/**
 * Each chapter's scene as prerendered HTML, keyed by chapter id. On the server the strings hold
 * the drawing; in the browser each is a placeholder (see `RENDERED`), because the drawing is
 * already in the page. A chapter with a still keeps it, untouched by hydration, until the reader
 * nears the chapter; only then is the live scene mounted in its place.
 */
export type SceneStills = Readonly<Record<string, string>>;

const KEY = Symbol('scene-stills');

export function provideSceneStills(stills: SceneStills | undefined): void {
	setContext(KEY, stills);
}

export function useSceneStills(): SceneStills | undefined {
	return getContext<SceneStills | undefined>(KEY);
}

/**
 * Hydration markers out: the string is shown through `{@html}`, whose hydration claims nodes up
 * to the first empty comment, and it is replaced rather than hydrated, so it needs none.
 */
export function withoutComments(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '');
}
