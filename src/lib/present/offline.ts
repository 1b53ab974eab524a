import { dev } from '$app/environment';
import { base } from '$app/paths';
import { whenSettled } from '$lib/later';

/**
 * Registers the service worker (src/service-worker.ts) that makes the piece work offline after one
 * visit. Done here instead of by SvelteKit (`kit.serviceWorker.register: false`) so that a page
 * shown inside a frame — an embed on another site, where browsers refuse service workers and
 * would log an error — does not try, and so that a refusal never reaches the console.
 */
export function registerServiceWorker(): () => void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
	if (window.self !== window.top) return () => {};
	const register = () =>
		navigator.serviceWorker
			.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' })
			.catch(() => {
				// Private modes and locked-down browsers may refuse: the piece still works online.
			});
	// Installing stores every page and asset (the finale's three.js and all the faces included).
	// Begun at `load`, it ran beside the reading page's start-up: on two cores here the worker's
	// thread took CPU from hydration, and on a phone its downloads would share the link with the
	// faces and stills the reader is waiting for. Begun mid-scroll, starting the worker stretched
	// a frame to 50-60 ms here. So it waits for a pause in the reading after the page has settled:
	// a reader, or a teacher opening it once to have it offline, pauses within seconds.
	return whenSettled(register, { afterMs: 3000, quietMs: 1500 });
}
