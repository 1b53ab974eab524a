import newsreader400 from '@fontsource/newsreader/files/newsreader-latin-400-normal.woff2?url';
import newsreader400i from '@fontsource/newsreader/files/newsreader-latin-400-italic.woff2?url';
import newsreader600 from '@fontsource/newsreader/files/newsreader-latin-600-normal.woff2?url';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import courier400 from '@fontsource/courier-prime/files/courier-prime-latin-400-normal.woff2?url';

/*
 * The web faces (Latin subsets, self-hosted through @fontsource), declared from script rather
 * than in the inline stylesheet. Declared in CSS, the first style pass asked for four faces
 * (96 KB) while the page's own words were still arriving, at the highest priority: on a phone's
 * link they shared its bandwidth with the HTML, and Lighthouse counts every such request that
 * ends before the first paint as holding that paint (FCP 1.7–1.8 s here, 1.3 s without them).
 * The stand-ins in fonts.css set the same lines, so the faces can come later without moving
 * anything. Without JavaScript, the layout's <noscript> declares the same faces in CSS.
 */
export interface WebFace {
	family: string;
	style: 'normal' | 'italic';
	weight: number;
	url: string;
	/** Set on the story's first screen: fetched before any face is added (see `addWebFonts`). */
	first?: boolean;
}

export const WEB_FACES: readonly WebFace[] = [
	{ family: 'Newsreader', style: 'normal', weight: 400, url: newsreader400, first: true },
	{ family: 'Newsreader', style: 'italic', weight: 400, url: newsreader400i, first: true },
	{ family: 'Newsreader', style: 'normal', weight: 600, url: newsreader600 },
	{ family: 'Inter', style: 'normal', weight: 400, url: inter400, first: true },
	{ family: 'Inter', style: 'normal', weight: 600, url: inter600, first: true },
	{ family: 'Courier Prime', style: 'normal', weight: 400, url: courier400 }
];

/**
 * The same faces as CSS, for a page without JavaScript. The prerender knows a face's address from
 * the site's root (`/_app/…`); `assets` (from `$app/paths`, relative while prerendering) keeps it
 * right for a site served under a sub-path and for pages in sub-folders.
 */
export function webFontCss(assets = '', faces: readonly WebFace[] = WEB_FACES): string {
	return faces
		.map(
			(f) =>
				`@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};` +
				`font-display:swap;src:url(${f.url.startsWith('/') ? assets + f.url : f.url}) format('woff2')}`
		)
		.join('');
}

const same = (a: FontFace, b: WebFace) =>
	a.family.replace(/["']/g, '') === b.family &&
	a.style === b.style &&
	String(a.weight) === String(b.weight);

const isWebFace = (face: FontFace) => WEB_FACES.some((f) => same(face, f));
// One arrival per document, however many ask (the layout, and a printer for its frame).
const given = new WeakMap<Document, Promise<void>>();
let arrived = () => {};
const arrival = new Promise<void>((resolve) => (arrived = resolve));

/**
 * Resolves once this page's web faces are in (or have failed, leaving their stand-ins). Faces
 * are added already loaded, so `document.fonts.ready` alone does not wait for them: what
 * measures text against the faces (a slide's fit, the scroll triggers) waits for this.
 */
export function webFontsIn(): Promise<void> {
	return arrival.then(() => document.fonts?.ready).then(() => undefined);
}

/**
 * Gives a document the web faces (a frame's too: each face is made in its own window), once.
 * The faces the first screen sets are fetched before any is added, then all come in together:
 * one restyle and one relayout. Added unloaded, they cost one for the adding and one more per
 * face as it arrived, each 20–34 ms of style and layout here (1×), four times that on a phone.
 * The others are added unloaded and fetched when a line first needs them, as CSS would have.
 * `all`: fetch every face and resolve once they are in (a page about to be measured or printed).
 */
export async function addWebFonts(doc: Document = document, { all = false } = {}): Promise<void> {
	const win = doc.defaultView;
	if (!win || !doc.fonts) return;
	if (!given.has(doc)) {
		const giving = give(doc, win, all);
		given.set(doc, giving);
		if (typeof document !== 'undefined' && doc === document) void giving.then(arrived);
	}
	await given.get(doc);
	// A face that fails (offline without a stored copy) leaves its stand-in: nothing to wait for.
	if (all) await Promise.all([...doc.fonts].filter(isWebFace).map((f) => f.load().catch(() => f)));
}

async function give(doc: Document, win: Window & typeof globalThis, all: boolean): Promise<void> {
	const present = [...doc.fonts];
	const made = WEB_FACES.filter((f) => !present.some((p) => same(p, f))).map((f) => ({
		first: all || !!f.first,
		face: new win.FontFace(f.family, `url(${f.url}) format('woff2')`, {
			style: f.style,
			weight: String(f.weight),
			display: 'swap'
		})
	}));
	await Promise.all(made.filter((m) => m.first).map((m) => m.face.load().catch(() => m.face)));
	for (const { face } of made) doc.fonts.add(face);
}

/**
 * Runs `fn` once the document has painted its first words, so that nothing it asks for shares
 * the network with them. A document that never paints (hidden) gets it after `fallbackMs`.
 */
export function afterFirstPaint(fn: () => void, fallbackMs = 3000): () => void {
	const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
	if (painted()) {
		fn();
		return () => {};
	}
	let observer: PerformanceObserver | undefined;
	const stop = () => {
		observer?.disconnect();
		clearTimeout(timer);
	};
	const run = () => {
		stop();
		fn();
	};
	const timer = setTimeout(run, fallbackMs);
	try {
		observer = new PerformanceObserver(() => painted() && run());
		observer.observe({ type: 'paint', buffered: true });
	} catch {
		// No paint timing here (an old browser): the timer alone decides.
	}
	return stop;
}
