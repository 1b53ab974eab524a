import { afterNavigate } from '$app/navigation';

/**
 * Whether SvelteKit's router has started. Its replaceState throws while the page is still
 * hydrating, and a part brought to life after the start (the reading page's story, an island)
 * never sees the first afterNavigate: so the root layout, which is there from the start, keeps
 * the answer for everyone (`watchRouterStart`).
 */
export const router = $state({ started: false });

/** Called once, while the root layout is made. */
export function watchRouterStart(): void {
	afterNavigate(() => (router.started = true));
}
