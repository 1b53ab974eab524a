import { dev } from '$app/environment';
import { base } from '$app/paths';

/**
 * Registers the service worker (src/service-worker.ts) that makes the piece work offline after one
 * visit. Done here instead of by SvelteKit (`kit.serviceWorker.register: false`) so that a page
 * shown inside a frame — an embed on another site, where browsers refuse service workers and
 * would log an error — does not try, and so that a refusal never reaches the console.
 */
export function registerServiceWorker(): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	if (window.self !== window.top) return;
	const register = () =>
		navigator.serviceWorker
			.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' })
			.catch(() => {
				// Private modes and locked-down browsers may refuse: the piece still works online.
			});
	// After the page has loaded, so precaching never competes with the first paint.
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}
