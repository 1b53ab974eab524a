import { firstIntent, intentShown } from '$lib/story/when-near';

/**
 * The one place GSAP is loaded and its plugins registered.
 *
 * GSAP (its core only: the page's own scroll engine drives every timeline, and whether a scene is on
 * screen comes from the page's one observer, story/when-near.ts) is not part of the first bundle:
 * it is fetched with `import()` on the reader's first sign of intent (a scroll, wheel, touch, key
 * or pointer press), or at once when the page opens already scrolled or on a deep link. Until then
 * every scene shows its prerendered still, which is the same picture a reader without JavaScript
 * sees.
 *
 * Debug hook (read-only, always present in the browser): `window.__strangers.scenes`
 *   .loaded    GSAP has been fetched and registered
 *   .triggers  on-screen watches alive, one per built scene (0 before GSAP loads)
 *   .contexts  scene gsap.contexts currently alive (built and not yet reverted)
 *   .loops     canvas animation loops currently running
 */
export type Gsap = typeof import('gsap').gsap;
export interface GsapLib {
	gsap: Gsap;
}

let loading: Promise<GsapLib> | null = null;
let lib: GsapLib | null = null;
export const counters = { contexts: 0, loops: 0, triggers: 0 };

function load(): Promise<GsapLib> {
	loading ??= import('gsap').then((g) => (lib = { gsap: g.gsap }));
	return loading;
}

/**
 * Calls `ready` with GSAP once the reader shows intent (see above). Returns a cancel function;
 * after it, `ready` is never called.
 */
export function whenWanted(ready: (lib: GsapLib) => void): () => void {
	let live = true;
	const go = () => {
		load().then((l) => live && ready(l));
	};
	if (loading || intentShown() || window.scrollY > 0 || location.hash.length > 1) go();
	else void firstIntent().then(() => live && go());
	return () => {
		live = false;
	};
}

if (typeof window !== 'undefined') {
	const w = window as unknown as { __strangers?: Record<string, unknown> };
	const root = (w.__strangers ??= {});
	if (!('scenes' in root))
		Object.defineProperty(root, 'scenes', {
			enumerable: true,
			value: Object.freeze({
				get loaded() {
					return lib !== null;
				},
				get triggers() {
					return counters.triggers;
				},
				get contexts() {
					return counters.contexts;
				},
				get loops() {
					return counters.loops;
				}
			})
		});
}
