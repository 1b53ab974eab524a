import { afterEach, describe, expect, it, vi } from 'vitest';
import { addWebFonts, afterFirstPaint, WEB_FACES, webFontCss } from '$lib/styles/web-fonts';

describe('webFontCss', () => {
	it('declares every face once, swapping, from the assets path it is given', () => {
		const css = webFontCss('..');
		const rules = css.match(/@font-face\{[^}]*\}/g) ?? [];
		expect(rules).toHaveLength(WEB_FACES.length);
		for (const face of WEB_FACES) {
			const rule = rules.find(
				(r) =>
					r.includes(`font-family:'${face.family}'`) &&
					r.includes(`font-style:${face.style};`) &&
					r.includes(`font-weight:${face.weight};`)
			);
			expect(rule).toContain('font-display:swap');
			// A root-relative address is made relative to the page; a full one is kept.
			expect(rule).toContain(face.url.startsWith('/') ? `url(..${face.url})` : `url(${face.url})`);
		}
	});
});

/** A document with just what addWebFonts uses: a window's FontFace and a FontFaceSet. */
function fakeDocument() {
	const events: string[] = [];
	class FakeFace {
		status = 'unloaded';
		style: string;
		weight: string;
		constructor(
			public family: string,
			public source: string,
			desc: { style: string; weight: string }
		) {
			this.style = desc.style;
			this.weight = desc.weight;
		}
		load() {
			events.push(`load ${this.family} ${this.style} ${this.weight}`);
			return new Promise<this>((resolve) =>
				setTimeout(() => {
					this.status = 'loaded';
					events.push(`loaded ${this.family} ${this.style} ${this.weight}`);
					resolve(this);
				}, 5)
			);
		}
	}
	const set: FakeFace[] = [];
	const fonts = {
		add(face: FakeFace) {
			events.push(`add ${face.family} ${face.style} ${face.weight} (${face.status})`);
			set.push(face);
		},
		[Symbol.iterator]: () => set[Symbol.iterator]()
	};
	const doc = { defaultView: { FontFace: FakeFace }, fonts } as unknown as Document;
	return { doc, events, set };
}

describe('addWebFonts', () => {
	it('fetches the first screen’s faces before adding any, then adds every face at once', async () => {
		const { doc, events, set } = fakeDocument();
		await addWebFonts(doc);
		const firstAdd = events.findIndex((e) => e.startsWith('add'));
		const first = WEB_FACES.filter((f) => f.first);
		expect(first.length).toBeGreaterThan(0);
		// Every first face was loaded before the first add: one restyle, not one per face.
		for (const f of first) {
			const loaded = events.indexOf(`loaded ${f.family} ${f.style} ${f.weight}`);
			expect(loaded).toBeGreaterThanOrEqual(0);
			expect(loaded).toBeLessThan(firstAdd);
		}
		expect(events.slice(firstAdd).every((e) => e.startsWith('add'))).toBe(true);
		expect(set).toHaveLength(WEB_FACES.length);
		// The others wait, unloaded, for a line that needs them.
		const rest = set.filter(
			(f) =>
				!first.some(
					(w) => w.family === f.family && w.style === f.style && String(w.weight) === f.weight
				)
		);
		expect(rest.length).toBeGreaterThan(0);
		for (const face of rest) expect(face.status).toBe('unloaded');
	});

	it('adds nothing twice, and `all` waits until every face is in', async () => {
		const { doc, set } = fakeDocument();
		await Promise.all([addWebFonts(doc), addWebFonts(doc)]);
		expect(set).toHaveLength(WEB_FACES.length);
		await addWebFonts(doc, { all: true });
		expect(set).toHaveLength(WEB_FACES.length);
		expect(set.every((f) => f.status === 'loaded')).toBe(true);
	});
});

describe('webFontsIn', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('waits until the page’s faces are in, which document.fonts.ready alone does not', async () => {
		vi.resetModules();
		const { doc } = fakeDocument();
		Object.assign(doc.fonts, { ready: Promise.resolve() });
		vi.stubGlobal('document', doc);
		const fonts = await import('$lib/styles/web-fonts');
		let done = false;
		const waiting = fonts.webFontsIn().then(() => (done = true));
		await new Promise((r) => setTimeout(r, 30));
		expect(done).toBe(false);
		await fonts.addWebFonts(doc);
		await waiting;
		expect(done).toBe(true);
	});
});

describe('afterFirstPaint', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	function stubPaint(painted: boolean) {
		const observers: { cb: () => void; disconnected: boolean }[] = [];
		let fcp = painted;
		vi.stubGlobal('performance', {
			getEntriesByName: (name: string) => (name === 'first-contentful-paint' && fcp ? [{}] : [])
		});
		vi.stubGlobal(
			'PerformanceObserver',
			class {
				entry: { cb: () => void; disconnected: boolean };
				constructor(cb: () => void) {
					this.entry = { cb, disconnected: false };
					observers.push(this.entry);
				}
				observe() {}
				disconnect() {
					this.entry.disconnected = true;
				}
			}
		);
		return {
			observers,
			paint() {
				fcp = true;
				for (const o of observers) if (!o.disconnected) o.cb();
			}
		};
	}

	it('runs at once on a page already painted', () => {
		stubPaint(true);
		const fn = vi.fn();
		afterFirstPaint(fn);
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it('waits for the first paint, runs once, and lets its observer go', () => {
		vi.useFakeTimers();
		const paint = stubPaint(false);
		const fn = vi.fn();
		afterFirstPaint(fn, 3000);
		expect(fn).not.toHaveBeenCalled();
		paint.paint();
		expect(fn).toHaveBeenCalledTimes(1);
		expect(paint.observers.every((o) => o.disconnected)).toBe(true);
		vi.advanceTimersByTime(5000);
		expect(fn).toHaveBeenCalledTimes(1);
	});

	it('runs after the fallback on a page that never paints, and not at all once cancelled', () => {
		vi.useFakeTimers();
		stubPaint(false);
		const late = vi.fn();
		afterFirstPaint(late, 3000);
		vi.advanceTimersByTime(3000);
		expect(late).toHaveBeenCalledTimes(1);
		const cancelled = vi.fn();
		const paint = stubPaint(false);
		afterFirstPaint(cancelled, 3000)();
		paint.paint();
		vi.advanceTimersByTime(5000);
		expect(cancelled).not.toHaveBeenCalled();
	});
});
