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
	return { ...renderScenes(content), features: Object.fromEntries(features) };
}

function renderScenes(content: Content): Pick<Stills, 'scenes' | 'styles'> {
	// Each drawing's <style>, once: the drawings are compiled for the server with their styles
	// injected (svelte.config.js), and the browser's copy comes only with their code.
	const styles = new Map<string, string>();
	const scenes = content.chapters.map((chapter) => {
		const chapters = content.chapters.filter((c) => c.id !== chapter.id);
		const { body, head } = render(SceneFigure, {
			props: { chapter, stepIndex: -1, progress: 0, chapters }
		});
		for (const m of head.matchAll(/<style id="([^"]+)">[\s\S]*?<\/style>/g))
			styles.set(m[1]!, m[0]);
		return [chapter.id, withoutComments(body)];
	});
	return { scenes: Object.fromEntries(scenes), styles: [...styles.values()].join('') };
}
