import { render } from 'svelte/server';
import type { Content } from '$lib/content/types';
import { stillsContext, type Stills } from './stills';
import StoryShell from './StoryShell.svelte';

/**
 * Server only (the prerender): the story rendered on its own, hydration markers included, so the
 * browser can bring it to life in a task of its own (see +page.svelte). Rendered with the page's
 * stills, its chapters asleep in it, so it is exactly what the page would have held.
 */
export function renderStory(content: Content, stills: Stills): string {
	return render(StoryShell, { props: { content }, context: stillsContext(stills) }).body;
}
