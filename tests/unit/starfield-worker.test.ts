import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chapterStarPositions } from '../../src/lib/starfield/chapter-positions';
import { createWorkerStarfield } from '../../src/lib/starfield/create-worker-starfield';
import { DEFAULT_SEED, generateStars } from '../../src/lib/starfield/generate-stars';
import type { StarfieldStats } from '../../src/lib/starfield/types';
import type { FromWorker, ToWorker } from '../../src/lib/starfield/worker-protocol';

/**
 * The page's side of the worker starfield, against a stand-in Worker that records what it is
 * sent and answers as starfield.worker.ts would (the real worker runs in tests/e2e).
 */
class FakeWorker extends EventTarget {
	static all: FakeWorker[] = [];
	sent: { message: ToWorker; transfer: Transferable[] }[] = [];
	terminated = false;
	constructor(
		public url: URL,
		public options: WorkerOptions
	) {
		super();
		FakeWorker.all.push(this);
	}
	postMessage(message: ToWorker, transfer: Transferable[] = []) {
		this.sent.push({ message, transfer });
	}
	terminate() {
		this.terminated = true;
	}
	answer(data: FromWorker) {
		this.dispatchEvent(new MessageEvent('message', { data }));
	}
	types() {
		return this.sent.map((s) => s.message.type);
	}
}

const STATS: StarfieldStats = {
	renderer: 'webgl',
	stars: 61241,
	pixelRatio: 1,
	frameMs: Number.NaN,
	drawCalls: 1,
	level: 0
};
const CHAPTERS = [
	{ id: 'a', title: 'A' },
	{ id: 'b', title: 'B' },
	{ id: 'c', title: 'C' }
];

function fakeCanvas(transferable = true) {
	const offscreen = { kind: 'offscreen' };
	const canvas = Object.assign(new EventTarget(), {
		clientWidth: 800,
		clientHeight: 600,
		dataset: {} as Record<string, string>,
		transferred: 0,
		...(transferable
			? {
					transferControlToOffscreen() {
						canvas.transferred++;
						return offscreen;
					}
				}
			: {})
	});
	return { canvas: canvas as unknown as HTMLCanvasElement & { transferred: number }, offscreen };
}

beforeEach(() => {
	FakeWorker.all = [];
	vi.useFakeTimers();
	vi.stubGlobal('Worker', FakeWorker);
	vi.stubGlobal('OffscreenCanvas', class {});
	vi.stubGlobal('window', Object.assign(new EventTarget(), { devicePixelRatio: 2 }));
	vi.stubGlobal('document', Object.assign(new EventTarget(), { hidden: false }));
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('createWorkerStarfield', () => {
	it('hands the canvas to a module worker and resolves once the worker has a sky', async () => {
		const { canvas, offscreen } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, { chapters: CHAPTERS, stars: 5000 });
		const w = FakeWorker.all[0]!;
		expect(w.options.type).toBe('module');
		expect(w.url.pathname).toMatch(/starfield\.worker\.ts$/);
		const init = w.sent[0]!;
		expect(init.message).toMatchObject({
			type: 'init',
			init: { chapterCount: 3, stars: 5000, devicePixelRatio: 2, width: 800, height: 600 }
		});
		// transferred, not copied: the page can no longer draw on this canvas
		expect(init.transfer).toEqual([offscreen]);
		expect(canvas.transferred).toBe(1);
		// no IntersectionObserver here, so the sky counts as on screen at once
		expect(w.types()).toContain('visible');

		w.answer({ type: 'ready', stats: STATS, engine: 'three.js r187' });
		const handle = await pending;
		expect(handle).not.toBeNull();
		expect(canvas.dataset.engine).toBe('three.js r187 (worker)');
		expect(handle!.stats()).toEqual(STATS);

		handle!.setProgress(0.4);
		handle!.setReducedMotion(true);
		expect(w.sent.slice(-2).map((s) => s.message)).toEqual([
			{ type: 'progress', progress: 0.4 },
			{ type: 'reduced-motion', reduced: true }
		]);
	});

	it('reports adaptive quality changes from the worker', async () => {
		const { canvas } = fakeCanvas();
		const seen: StarfieldStats[] = [];
		const pending = createWorkerStarfield(canvas, { onQuality: (s) => seen.push(s) });
		const w = FakeWorker.all[0]!;
		w.answer({ type: 'ready', stats: STATS, engine: 'three.js r187' });
		const handle = (await pending)!;
		w.answer({ type: 'stats', stats: { ...STATS, frameMs: 14 } });
		expect(seen).toEqual([]);
		const shed = { ...STATS, stars: 42000, level: 2, frameMs: 30 };
		w.answer({ type: 'stats', stats: shed });
		expect(seen).toEqual([shed]);
		expect(handle.stats()).toEqual(shed);
	});

	it('on dispose lets the worker lose its context, then terminates it', async () => {
		const { canvas } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, {});
		const w = FakeWorker.all[0]!;
		w.answer({ type: 'ready', stats: STATS, engine: 'three.js r187' });
		const handle = (await pending)!;
		handle.dispose();
		expect(w.types().at(-1)).toBe('dispose');
		expect(w.terminated).toBe(false);
		w.answer({ type: 'disposed', contextLost: true });
		expect(w.terminated).toBe(true);
		handle.dispose();
		expect(w.types().filter((t) => t === 'dispose')).toHaveLength(1);
	});

	it('terminates a worker that does not answer dispose within five seconds', async () => {
		const { canvas } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, {});
		const w = FakeWorker.all[0]!;
		w.answer({ type: 'ready', stats: STATS, engine: 'three.js r187' });
		(await pending)!.dispose();
		vi.advanceTimersByTime(4999);
		expect(w.terminated).toBe(false);
		vi.advanceTimersByTime(1);
		expect(w.terminated).toBe(true);
	});

	it('resolves null and ends the worker when OffscreenCanvas has no WebGL 2', async () => {
		const { canvas } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, {});
		const w = FakeWorker.all[0]!;
		w.answer({ type: 'unavailable', reason: 'no WebGL 2 on OffscreenCanvas' });
		expect(await pending).toBeNull();
		expect(w.terminated).toBe(true);
	});

	it('resolves null and ends the worker when its script fails', async () => {
		const { canvas } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, {});
		const w = FakeWorker.all[0]!;
		w.dispatchEvent(new Event('error', { cancelable: true }));
		expect(await pending).toBeNull();
		expect(w.terminated).toBe(true);
	});

	it('ends a worker still starting when its owner goes away', async () => {
		const { canvas } = fakeCanvas();
		const abort = new AbortController();
		const pending = createWorkerStarfield(canvas, {}, abort.signal);
		const w = FakeWorker.all[0]!;
		abort.abort();
		expect(await pending).toBeNull();
		expect(w.terminated).toBe(true);
	});

	it('leaves the canvas alone where it cannot be transferred', async () => {
		const { canvas } = fakeCanvas(false);
		expect(await createWorkerStarfield(canvas, {})).toBeNull();
		expect(FakeWorker.all).toHaveLength(0);
	});
});

describe('starfield.worker', () => {
	afterEach(() => {
		vi.doUnmock('../../src/lib/starfield/sky-renderer');
		vi.resetModules();
	});

	it('draws its first frame, in a frame callback, before it says it is ready, at the progress the page gave', async () => {
		const order: string[] = [];
		let made: { progress?: number } | undefined;
		vi.doMock('../../src/lib/starfield/sky-renderer', () => ({
			createSkyRenderer: (_canvas: unknown, init: { progress?: number }) => {
				made = init;
				return {
					drawNow: () => order.push('drawn'),
					stats: () => STATS,
					setSize() {},
					setVisible() {},
					setProgress() {},
					setReducedMotion() {},
					dispose: () => true
				};
			}
		}));
		const scope: {
			onmessage: ((e: { data: ToWorker }) => void) | null;
			postMessage: (m: FromWorker) => void;
		} = {
			onmessage: null,
			postMessage: (m) => order.push(m.type)
		};
		vi.stubGlobal('self', scope);
		await import('../../src/lib/starfield/starfield.worker');
		const { canvas } = fakeCanvas();
		const pending = createWorkerStarfield(canvas, {
			chapters: CHAPTERS,
			get progress() {
				return 0.93;
			}
		});
		const init = FakeWorker.all[0]!.sent[0]!.message;
		vi.useFakeTimers();
		try {
			scope.onmessage!({ data: init });
			expect(made?.progress).toBe(0.93);
			// 'ready' waits until a frame drawn in a frame callback has had a frame to be shown.
			expect(order).toEqual(['drawn']);
			vi.advanceTimersByTime(16);
			expect(order).toEqual(['drawn', 'drawn']);
			vi.advanceTimersByTime(16);
			expect(order).toEqual(['drawn', 'drawn', 'ready']);
			scope.onmessage!({ data: { type: 'dispose' } });
			// A sky disposed before it was ready never says it is.
			scope.onmessage!({ data: init });
			scope.onmessage!({ data: { type: 'dispose' } });
			vi.advanceTimersByTime(100);
			expect(order.filter((o) => o === 'ready')).toHaveLength(1);
		} finally {
			vi.useRealTimers();
		}
		void pending;
	});
});

describe('chapterStarPositions', () => {
	it('puts each label on its chapter star, as generated for the renderer', () => {
		const { canvas } = fakeCanvas();
		const data = generateStars({ seed: DEFAULT_SEED, fieldCount: 100, chapterCount: 3 });
		const positions = chapterStarPositions(canvas, CHAPTERS);
		expect(positions.map((p) => p.id)).toEqual(['a', 'b', 'c']);
		positions.forEach((p, k) => {
			const i = (data.chapterStart + k) * 3;
			expect(p.x).toBeCloseTo(((data.end[i]! + 1) / 2) * 800, 3);
			expect(p.y).toBeCloseTo(((1 - data.end[i + 1]!) / 2) * 600, 3);
		});
	});
});
