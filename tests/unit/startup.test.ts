import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadsToBodyEnd } from '$lib/story/preloads';
import { afterNextFrame, later, nextTask, whenSettled } from '$lib/later';
import { bundled, lazily, type Figure } from '$lib/scenes/figure';
import { whenNear } from '$lib/story/when-near';
import { init as startHook } from '../../src/hooks.client';

describe('preloadsToBodyEnd', () => {
	const page = (head: string, body: string) =>
		`<html><head><title>t</title>${head}</head><body>${body}</body></html>`;

	it('moves every modulepreload link from the head to the end of the body, in order', () => {
		const html = page(
			'<link href="./a.js" rel="modulepreload">\n<link rel="preload" href="f.woff2" as="font"><link rel="modulepreload" href="./b.js">',
			'<main>words</main><script>start()</script>'
		);
		const out = preloadsToBodyEnd(html);
		const [head, body] = out.split('</head>');
		expect(head).not.toContain('modulepreload');
		expect(head).toContain('rel="preload" href="f.woff2"');
		expect(body).toMatch(
			/<script>start\(\)<\/script><link href="\.\/a\.js" rel="modulepreload"><link rel="modulepreload" href="\.\/b\.js"><\/body>/
		);
	});

	it('leaves a page without such links, or without a head or body end, as it was', () => {
		const plain = page('<link rel="icon" href="x.svg">', '<p>x</p>');
		expect(preloadsToBodyEnd(plain)).toBe(plain);
		const fragment = '<link rel="modulepreload" href="a.js"><p>x</p>';
		expect(preloadsToBodyEnd(fragment)).toBe(fragment);
	});

	it('does not move a modulepreload link that is already in the body', () => {
		const html = page('', '<p>x</p><link rel="modulepreload" href="a.js">');
		expect(preloadsToBodyEnd(html)).toBe(html);
	});
});

describe('later', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('runs the call in a task of its own, not before the current one ends', async () => {
		vi.useFakeTimers();
		const fn = vi.fn();
		later(fn);
		await Promise.resolve();
		expect(fn).not.toHaveBeenCalled();
		vi.runAllTimers();
		expect(fn).toHaveBeenCalledOnce();
	});

	it('cancels a call not yet made', () => {
		vi.useFakeTimers();
		const fn = vi.fn();
		later(fn)();
		vi.runAllTimers();
		expect(fn).not.toHaveBeenCalled();
	});

	it("uses the browser's task scheduler where there is one, and aborts through it", () => {
		const posted: { fn: () => void; signal: AbortSignal }[] = [];
		vi.stubGlobal('scheduler', {
			postTask(fn: () => void, { signal }: { signal: AbortSignal }) {
				posted.push({ fn, signal });
				return new Promise(() => {});
			}
		});
		const cancel = later(() => {});
		expect(posted).toHaveLength(1);
		expect(posted[0]!.signal.aborted).toBe(false);
		cancel();
		expect(posted[0]!.signal.aborted).toBe(true);
	});

	it('nextTask resolves in a later task: microtasks queued after it still run first', async () => {
		vi.useFakeTimers();
		const order: string[] = [];
		const done = nextTask().then(() => order.push('task'));
		await Promise.resolve().then(() => order.push('microtask'));
		expect(order).toEqual(['microtask']);
		vi.runAllTimers();
		await done;
		expect(order).toEqual(['microtask', 'task']);
	});
});

describe("the client's init hook", () => {
	afterEach(() => vi.useRealTimers());

	it('holds the router back by one task, so it does not start in the task that evaluated it', async () => {
		vi.useFakeTimers();
		let started = false;
		const done = startHook().then(() => (started = true));
		await Promise.resolve();
		await Promise.resolve();
		expect(started).toBe(false);
		vi.runAllTimers();
		await done;
		expect(started).toBe(true);
	});
});

describe('afterNextFrame', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('runs in a task after the next frame, and cancels before the frame or after it', () => {
		vi.useFakeTimers();
		const frames: (() => void)[] = [];
		vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
		vi.stubGlobal('cancelAnimationFrame', (id: number) => (frames[id - 1] = () => {}));
		const fn = vi.fn();
		afterNextFrame(fn);
		vi.runAllTimers();
		expect(fn).not.toHaveBeenCalled();
		frames[0]!();
		expect(fn).not.toHaveBeenCalled();
		vi.runAllTimers();
		expect(fn).toHaveBeenCalledOnce();

		const beforeFrame = vi.fn();
		afterNextFrame(beforeFrame)();
		frames[1]!();
		vi.runAllTimers();
		const afterFrame = vi.fn();
		const cancel = afterNextFrame(afterFrame);
		frames[2]!();
		cancel();
		vi.runAllTimers();
		expect(beforeFrame).not.toHaveBeenCalled();
		expect(afterFrame).not.toHaveBeenCalled();
	});
});

describe('whenSettled', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	/** A page still loading, whose idle callbacks wait in a list until `idle()` runs them. */
	function stubPage(withIdle = true) {
		const target = new EventTarget();
		let listeners = 0;
		vi.stubGlobal('document', { readyState: 'loading' });
		vi.stubGlobal('addEventListener', (type: string, fn: () => void, options?: object) => {
			if (type !== 'load') listeners++;
			target.addEventListener(type, fn, options);
		});
		vi.stubGlobal('removeEventListener', (type: string, fn: () => void, options?: object) => {
			if (type !== 'load') listeners--;
			target.removeEventListener(type, fn, options);
		});
		const waiting = new Map<number, () => void>();
		let next = 1;
		if (withIdle) {
			vi.stubGlobal('requestIdleCallback', (fn: () => void) => {
				waiting.set(next, fn);
				return next++;
			});
			vi.stubGlobal('cancelIdleCallback', (id: number) => waiting.delete(id));
		}
		return {
			load: () => target.dispatchEvent(new Event('load')),
			scroll: () => target.dispatchEvent(new Event('scroll')),
			listening: () => listeners,
			waiting,
			idle: () => [...waiting.values()].forEach((fn) => fn())
		};
	}

	it('waits for load, then the pause, then an idle moment', () => {
		vi.useFakeTimers();
		const page = stubPage();
		const fn = vi.fn();
		whenSettled(fn, { afterMs: 3000 });
		vi.advanceTimersByTime(10_000);
		expect(page.waiting.size).toBe(0);
		page.load();
		vi.advanceTimersByTime(2999);
		expect(page.waiting.size).toBe(0);
		vi.advanceTimersByTime(1);
		expect(page.waiting.size).toBe(1);
		expect(fn).not.toHaveBeenCalled();
		page.idle();
		expect(fn).toHaveBeenCalledOnce();
	});

	it('counts the pause from now on a page that has loaded already', () => {
		vi.useFakeTimers();
		const page = stubPage();
		vi.stubGlobal('document', { readyState: 'complete' });
		whenSettled(() => {}, { afterMs: 500 });
		vi.advanceTimersByTime(500);
		expect(page.waiting.size).toBe(1);
	});

	it('cancels at every stage: before load, during the pause, while waiting to be idle', () => {
		vi.useFakeTimers();
		const page = stubPage();
		const fn = vi.fn();
		whenSettled(fn)();
		page.load();
		vi.advanceTimersByTime(10_000);
		expect(page.waiting.size).toBe(0);

		const duringPause = whenSettled(fn, { afterMs: 100 });
		page.load();
		duringPause();
		vi.advanceTimersByTime(1000);
		expect(page.waiting.size).toBe(0);

		const whileIdle = whenSettled(fn, { afterMs: 100 });
		page.load();
		vi.advanceTimersByTime(100);
		expect(page.waiting.size).toBe(1);
		whileIdle();
		expect(page.waiting.size).toBe(0);
		expect(fn).not.toHaveBeenCalled();
	});

	it('waits, after the pause, for the reader to have left the page still for quietMs', () => {
		vi.useFakeTimers();
		const page = stubPage();
		whenSettled(() => {}, { afterMs: 1000, quietMs: 500 });
		page.load();
		vi.advanceTimersByTime(800);
		page.scroll();
		vi.advanceTimersByTime(200);
		// The pause is over, but the last scroll was 200 ms ago.
		expect(page.waiting.size).toBe(0);
		vi.advanceTimersByTime(200);
		page.scroll();
		vi.advanceTimersByTime(499);
		expect(page.waiting.size).toBe(0);
		vi.advanceTimersByTime(1);
		expect(page.waiting.size).toBe(1);
		// Its listeners are gone once it stops waiting.
		expect(page.listening()).toBe(0);
	});

	it('without any scrolling, runs at the end of the pause; cancelling drops its listeners', () => {
		vi.useFakeTimers();
		const page = stubPage();
		whenSettled(() => {}, { afterMs: 1000, quietMs: 500 });
		page.load();
		vi.advanceTimersByTime(1000);
		expect(page.waiting.size).toBe(1);
		const cancel = whenSettled(() => {}, { afterMs: 1000, quietMs: 500 });
		expect(page.listening()).toBeGreaterThan(0);
		cancel();
		expect(page.listening()).toBe(0);
	});

	it('runs right after the pause where there are no idle callbacks', () => {
		vi.useFakeTimers();
		const page = stubPage(false);
		const fn = vi.fn();
		whenSettled(fn, { afterMs: 100 });
		page.load();
		vi.advanceTimersByTime(100);
		expect(fn).toHaveBeenCalledOnce();
	});
});

describe('scene figure sources', () => {
	const figure = (() => {}) as unknown as Figure;

	it('a bundled figure is there at once', async () => {
		const source = bundled(figure);
		expect(source.now()).toBe(figure);
		expect(await source.load()).toBe(figure);
	});

	it('a lazy figure is loaded once, kept, and asked for again after a failed load', async () => {
		const load = vi
			.fn<() => Promise<{ default: Figure }>>()
			.mockRejectedValueOnce(new Error('offline'))
			.mockResolvedValue({ default: figure });
		const source = lazily(load);
		expect(source.now()).toBeUndefined();
		await expect(source.load()).rejects.toThrow('offline');
		expect(source.now()).toBeUndefined();
		const [a, b] = await Promise.all([source.load(), source.load()]);
		expect(a).toBe(figure);
		expect(b).toBe(figure);
		expect(source.now()).toBe(figure);
		await source.load();
		expect(load).toHaveBeenCalledTimes(2);
	});
});

describe('whenNear', () => {
	class FakeObserver {
		static made: FakeObserver[] = [];
		targets = new Set<Element>();
		disconnected = false;
		constructor(readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
			FakeObserver.made.push(this);
		}
		observe(el: Element) {
			this.targets.add(el);
		}
		unobserve(el: Element) {
			this.targets.delete(el);
		}
		disconnect() {
			this.disconnected = true;
			this.targets.clear();
		}
		near(el: Element) {
			this.callback([{ target: el, isIntersecting: true }]);
		}
	}

	afterEach(() => {
		vi.unstubAllGlobals();
		FakeObserver.made = [];
	});

	function stubWindow() {
		vi.stubGlobal('IntersectionObserver', FakeObserver);
		// A frame is drawn at once (see afterNextFrame).
		vi.stubGlobal('requestAnimationFrame', (cb: () => void) => (cb(), 1));
		// Scrolled already: the reader has begun, so nothing waits for a first gesture.
		vi.stubGlobal('window', {
			scrollY: 10,
			requestIdleCallback: (cb: () => void) => (cb(), 1),
			cancelIdleCallback: () => {},
			addEventListener: () => {},
			removeEventListener: () => {}
		});
	}

	it('watches every element with one observer, and lets it go when none is left', async () => {
		stubWindow();
		const a = {} as Element;
		const b = {} as Element;
		const ready = vi.fn();
		const stopA = whenNear(a, ready);
		const stopB = whenNear(b, ready);
		expect(FakeObserver.made).toHaveLength(1);
		const io = FakeObserver.made[0]!;
		expect(io.targets).toEqual(new Set([a, b]));
		stopA();
		expect(io.targets).toEqual(new Set([b]));
		expect(io.disconnected).toBe(false);
		stopB();
		expect(io.disconnected).toBe(true);
		await Promise.resolve();
		expect(ready).not.toHaveBeenCalled();
	});

	it('calls each watcher of an element once it comes near, and stops watching it', async () => {
		stubWindow();
		const el = {} as Element;
		const first = vi.fn();
		const second = vi.fn();
		whenNear(el, first);
		whenNear(el, second);
		const io = FakeObserver.made[0]!;
		io.near(el);
		await vi.waitFor(() => expect(first).toHaveBeenCalledOnce());
		expect(second).toHaveBeenCalledOnce();
		expect(io.disconnected).toBe(true);
		// A later watch gets an observer of its own again.
		const stop = whenNear(el, first);
		expect(FakeObserver.made).toHaveLength(2);
		stop();
	});

	it('a cancelled watcher is not called when its element comes near', async () => {
		stubWindow();
		const el = {} as Element;
		const kept = vi.fn();
		const dropped = vi.fn();
		whenNear(el, kept);
		whenNear(el, dropped)();
		FakeObserver.made[0]!.near(el);
		await vi.waitFor(() => expect(kept).toHaveBeenCalledOnce());
		expect(dropped).not.toHaveBeenCalled();
	});
});
