import { render } from 'svelte/server';
import type { Content } from '$lib/content/types';
import SceneFigure from './SceneFigure.svelte';
import FeatureBody from '$lib/features/FeatureBody.svelte';
import { staticFeature, withoutComments, type Stills } from '$lib/story/stills';

/**
 * Server only (the prerender): every chapter's scene as the HTML a reader without JavaScript
 * sees, rendered by the same component the live scene uses, before any step is read; and every
 * static feature, rendered by the component the embed mounts.
 */
export function renderStills(content: Content): Stills {
	const features = content.chapters
		.filter((c) => staticFeature(c.feature))
		.map((chapter) => {
			const props = { feature: chapter.feature!, chapter, content };
			return [chapter.id, withoutComments(render(FeatureBody, { props }).body)];
		});
	return { scenes: renderScenes(content), features: Object.fromEntries(features) };
}

function renderScenes(content: Content): Stills['scenes'] {
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
