import { render } from 'svelte/server';
import type { Content } from '$lib/content/types';
import SceneFigure from './SceneFigure.svelte';
import { withoutComments, type SceneStills } from './stills';

/**
 * Server only (the prerender): every chapter's scene as the HTML a reader without JavaScript
 * sees, rendered by the same component the live scene uses, before any step is read.
 */
export function renderStills(content: Content): SceneStills {
	return Object.fromEntries(
		content.chapters.map((chapter) => {
			const chapters = content.chapters.filter((c) => c.id !== chapter.id);
			const { body } = render(SceneFigure, {
				props: { chapter, stepIndex: -1, progress: 0, chapters }
			});
			return [chapter.id, withoutComments(body)];
		})
	);
}
