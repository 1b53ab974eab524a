import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';

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

/**
 * Rewrites this page's fragment without adding a history entry: through SvelteKit's router once
 * it has started, so its own record of the page stays in step, and through the History API
 * before then, when the router's would throw. Nothing happens if the fragment is already `hash`.
 */
export function replaceHash(hash: string): void {
	const url = location.pathname + location.search + hash;
	if (url === location.pathname + location.search + location.hash) return;
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- this page; only the hash changes
	if (router.started) replaceState(url, page.state);
	else history.replaceState(history.state, '', url);
}
