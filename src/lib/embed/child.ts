import type { ScrollSource } from '$lib/scroll/source';
import {
	heightReporter,
	hostOriginFrom,
	isSizeOnly,
	parseIncoming,
	pymMessage,
	stickyOffset,
	viewportToScroll,
	type Outgoing,
	type Viewport
} from './protocol';

/** The pinned layout, as `Chapter.svelte` marks it: the block that scrolls and its graphic. */
const SCROLLY = '[data-scrolly]';
const GRAPHIC = '[data-scrolly-graphic]';

/**
 * The child side of the embed protocol, wired to the DOM: posts height messages while `root`
 * changes size, listens to the host's viewport, and offers it as a `ScrollSource`. Creating it has
 * no side effects; `start(root)` does the wiring and returns its teardown.
 */
export function createEmbedChild(childId: string | null) {
	const listeners = new Set<() => void>();
	let host: Viewport | null = null;
	let docHeight = 0;

	const embedded = () => typeof window !== 'undefined' && window.parent !== window;

	const source: ScrollSource = {
		read() {
			// Until the host has spoken (or outside any iframe), the embed's own window scrolls.
			if (!host) return { y: window.scrollY, vh: window.innerHeight };
			return viewportToScroll(host, docHeight);
		},
		subscribe(onChange) {
			listeners.add(onChange);
			window.addEventListener('scroll', onChange, { passive: true });
			window.addEventListener('resize', onChange);
			return () => {
				listeners.delete(onChange);
				window.removeEventListener('scroll', onChange);
				window.removeEventListener('resize', onChange);
			};
		}
	};

	function start(root: HTMLElement) {
		const doc = root.ownerDocument;
		const html = doc.documentElement;
		// Messages to the host go to its real origin; only a bare size may go anywhere ('*'), since a
		// host page that is not the one we think would otherwise log an error per message.
		let hostOrigin = hostOriginFrom(location.search, doc.referrer);
		const post = (messages: Outgoing[]) => {
			if (!embedded()) return;
			for (const m of messages) {
				const target = isSizeOnly(m) ? '*' : hostOrigin;
				if (target) window.parent.postMessage(m, target);
			}
		};
		const reporter = heightReporter(post, childId);
		const measure = () => Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);

		let frame = 0;
		/** Holds each chapter's graphic in the host's viewport, as sticky would. Reads, then writes. */
		function pin() {
			frame = 0;
			if (!host) return;
			const { y } = viewportToScroll(host, docHeight);
			const blocks = [...doc.querySelectorAll<HTMLElement>(SCROLLY)].map((block) => {
				const graphic = block.querySelector<HTMLElement>(`:scope > ${GRAPHIC}`);
				const rect = block.getBoundingClientRect();
				return {
					graphic,
					top: rect.top + window.scrollY,
					height: rect.height,
					graphicHeight: graphic?.offsetHeight ?? 0
				};
			});
			for (const b of blocks) {
				if (!b.graphic) continue;
				const offset = stickyOffset(y, b.top, b.height, b.graphicHeight);
				b.graphic.style.transform = `translate3d(0, ${offset.toFixed(1)}px, 0)`;
			}
		}

		function report(force = false) {
			docHeight = measure();
			reporter.report(docHeight, force);
		}

		function onMessage(event: MessageEvent) {
			// Only the page that framed us may steer us, and only in a known shape.
			if (!embedded() || event.source !== window.parent) return;
			const message = parseIncoming(event.data, childId);
			if (!message) return;
			// The host's handshake: whoever steers us from our parent window is the host.
			if (event.origin && event.origin !== 'null') hostOrigin = event.origin;
			if (message.kind === 'width') {
				report(true);
				return;
			}
			const first = !host;
			host = message.viewport;
			if (first) html.dataset.hostScroll = '';
			html.style.setProperty('--host-vh', `${Math.round(host.vh)}px`);
			for (const cb of listeners) cb();
			frame ||= requestAnimationFrame(pin);
		}

		const resizes = new ResizeObserver(() => {
			report();
			frame ||= requestAnimationFrame(pin);
		});
		resizes.observe(root);
		window.addEventListener('message', onMessage);
		html.dataset.embedded = embedded() ? 'iframe' : 'top';
		report(true);
		// Ask a pym parent where we are now rather than waiting for the reader to scroll.
		if (childId) post([pymMessage(childId, 'parentPositionInfo')]);

		return () => {
			resizes.disconnect();
			window.removeEventListener('message', onMessage);
			cancelAnimationFrame(frame);
			delete html.dataset.hostScroll;
			delete html.dataset.embedded;
			html.style.removeProperty('--host-vh');
			for (const g of doc.querySelectorAll<HTMLElement>(`${SCROLLY} > ${GRAPHIC}`)) {
				g.style.transform = '';
			}
			host = null;
		};
	}

	return { source, start };
}
