import { getContext, setContext } from 'svelte';
import type SceneFigure from './SceneFigure.svelte';

export type Figure = typeof SceneFigure;

/**
 * Where a chapter gets its live scene (SceneFigure, with every chapter's drawing and timeline).
 * The drawings are the largest part of the story's code: on the reading page they were a third
 * of what was compiled before it could start, for graphics that stay prerendered stills until the
 * reader nears them, so that page loads them on demand (`lazily`). A page whose scenes are live
 * from its first frame (the embed) bundles the figure (`bundled`), and its server renders it too.
 * Given by the page, not imported by Chapter: a chapter module holding the `import()` would make
 * the embed's own static import of the figure look dynamic, and drop it from its preloads.
 */
export interface FigureSource {
	/** The figure if it is here already, else undefined. */
	now(): Figure | undefined;
	/** The figure, loaded once; a failed load (offline, say) is tried again by the next call. */
	load(): Promise<Figure>;
}

const KEY = Symbol('scene-figure');

export function provideSceneFigure(source: FigureSource): void {
	setContext(KEY, source);
}

export function useSceneFigure(): FigureSource | undefined {
	return getContext<FigureSource | undefined>(KEY);
}

export function bundled(figure: Figure): FigureSource {
	return { now: () => figure, load: () => Promise.resolve(figure) };
}

export function lazily(load: () => Promise<{ default: Figure }>): FigureSource {
	let loaded: Figure | undefined;
	let loading: Promise<Figure> | undefined;
	return {
		now: () => loaded,
		load() {
			loading ??= load().then(
				(module) => (loaded = module.default),
				(error) => {
					loading = undefined;
					throw error;
				}
			);
			return loading;
		}
	};
}
