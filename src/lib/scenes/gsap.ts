import { webFontsIn } from '$lib/styles/web-fonts';

/**
 * The one place GSAP is loaded and its plugins registered.
 *
 * GSAP and ScrollTrigger (about 46 KB gzip together) are not part of the first bundle: they are
 * fetched with `import()` on the reader's first sign of intent (a scroll, wheel, touch, key or
 * pointer press), or at once when the page opens already scrolled or on a deep link. Until then
 * every scene shows its prerendered still, which is the same picture a reader without JavaScript
 * sees.
 *
 * Debug hook (read-only, always present in the browser): `window.__strangers.scenes`
 *   .loaded    GSAP has been fetched and registered
 *   .triggers  ScrollTrigger.getAll().length (0 before GSAP loads)
 *   .contexts  scene gsap.contexts currently alive (built and not yet reverted)
 *   .loops     canvas animation loops currently running
 */
export type Gsap = typeof import('gsap').gsap;
export type ScrollTriggerStatic = typeof import('gsap/ScrollTrigger').ScrollTrigger;
export interface GsapLib {
	gsap: Gsap;
	ScrollTrigger: ScrollTriggerStatic;
}

let loading: Promise<GsapLib> | null = null;
let lib: GsapLib | null = null;
export const counters = { contexts: 0, loops: 0 };

function load(): Promise<GsapLib> {
	loading ??= Promise.all([import('gsap'), import('gsap/ScrollTrigger')]).then(([g, st]) => {
		const gsap = g.gsap;
		const ScrollTrigger = st.ScrollTrigger;
		gsap.registerPlugin(ScrollTrigger);
		// Fonts move every step below them; measure again once they are in.
		void webFontsIn().then(() => ScrollTrigger.refresh());
		lib = { gsap, ScrollTrigger };
		return lib;
	});
	return loading;
}

const INTENT = ['scroll', 'wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
const waiting = new Set<() => void>();
let listening = false;

function onIntent() {
	for (const type of INTENT) window.removeEventListener(type, onIntent, true);
	listening = false;
	const run = [...waiting];
	waiting.clear();
	for (const go of run) go();
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
	if (loading || window.scrollY > 0 || location.hash.length > 1) go();
	else {
		waiting.add(go);
		if (!listening) {
			listening = true;
			for (const type of INTENT)
				window.addEventListener(type, onIntent, { capture: true, passive: true });
		}
	}
	return () => {
		live = false;
		waiting.delete(go);
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
					return lib ? lib.ScrollTrigger.getAll().length : 0;
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
