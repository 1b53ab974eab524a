/*!
 * All of Us Strangers, embed loader. No dependencies, no build step (ES2017).
 * Turns <div data-strangers-embed data-chapter="home"> (or an <iframe data-strangers-embed>
 * pointing at this site) into an iframe that grows to its content and follows this page's scroll.
 * Attributes: data-chapter, data-title, data-theme="light", data-mode="flat", data-height.
 */
(function () {
	'use strict';
	var script = document.currentScript || document.querySelector('script[src*="/embed.js"]');
	if (!script || !window.URL) return;
	var base;
	try {
		base = new URL(script.src, location.href);
	} catch (err) {
		void err;
		return;
	}
	var ORIGIN = base.origin;
	var ROOT = base.href.replace(/\/embed\.js(?:[?#].*)?$/, '');
	var TITLE = 'All of Us Strangers, the ending explained';

	// One loader per page, however many snippets pasted it.
	var api = window.__strangersEmbed;
	if (api && api.origin === ORIGIN) return api.scan();

	var frames = [];
	var count = 0;
	var frame = 0;

	function ours(src) {
		try {
			var u = new URL(src, location.href);
			return u.origin === ORIGIN && /\/embed(?:\/[^/]+)?\/?$/.test(u.pathname);
		} catch (err) {
			void err;
			return false;
		}
	}

	function setup(el) {
		if (el.__strangers) return;
		el.__strangers = true;
		var id = 'strangers-' + ++count;
		var iframe = el;
		if (el.tagName !== 'IFRAME') {
			var q = [];
			['chapter', 'theme', 'mode', 'spoilers'].forEach(function (k) {
				if (el.dataset[k]) q.push(k + '=' + encodeURIComponent(el.dataset[k]));
			});
			q.push('childId=' + id);
			iframe = document.createElement('iframe');
			iframe.src = ROOT + '/embed?' + q.join('&');
			iframe.title = el.dataset.title || TITLE;
			iframe.setAttribute('loading', 'lazy');
			iframe.setAttribute('height', String(parseInt(el.dataset.height, 10) || 900));
			iframe.setAttribute('width', '100%');
			el.textContent = '';
			el.appendChild(iframe);
		} else if (!ours(iframe.src)) {
			return;
		} else {
			if (!iframe.title) iframe.title = iframe.dataset.title || TITLE;
			if (!iframe.getAttribute('loading')) iframe.setAttribute('loading', 'lazy');
		}
		iframe.style.display = 'block';
		iframe.style.width = '100%';
		iframe.style.border = '0';
		frames.push(iframe);
	}

	// Only a frame that has spoken (a height message from ORIGIN) holds our page: before that it may
	// still be about:blank (lazy loading) or an error page, and posting to ORIGIN would make the
	// browser log a mismatch on this page at every scroll.
	function send(iframe) {
		var w = iframe.contentWindow;
		if (!w || !iframe.__strangersReady) return;
		var r = iframe.getBoundingClientRect();
		w.postMessage(
			{
				type: 'strangers:viewport',
				vw: window.innerWidth,
				vh: window.innerHeight,
				top: r.top,
				left: r.left,
				bottom: r.bottom,
				right: r.right
			},
			ORIGIN
		);
	}

	function tick() {
		frame = 0;
		frames = frames.filter(function (f) {
			return f.isConnected;
		});
		frames.forEach(send);
	}

	function schedule() {
		if (!frame) frame = requestAnimationFrame(tick);
	}

	function onMessage(e) {
		if (e.origin !== ORIGIN) return;
		var d = e.data;
		if (!d || typeof d !== 'object' || d.type !== 'strangers:height') return;
		var h = d.height;
		if (typeof h !== 'number' || !isFinite(h) || h < 1 || h > 1e6) return;
		for (var i = 0; i < frames.length; i++) {
			var f = frames[i];
			if (f.contentWindow !== e.source) continue;
			f.__strangersReady = true;
			var px = Math.ceil(h) + 'px';
			if (f.style.height !== px) {
				f.style.height = px;
				f.setAttribute('height', String(Math.ceil(h)));
				f.setAttribute('scrolling', 'no');
			}
			send(f);
		}
	}

	function scan() {
		var els = document.querySelectorAll('[data-strangers-embed]');
		for (var i = 0; i < els.length; i++) setup(els[i]);
		schedule();
	}

	window.addEventListener('message', onMessage);
	window.addEventListener('scroll', schedule, { passive: true });
	window.addEventListener('resize', schedule, { passive: true });
	window.__strangersEmbed = { origin: ORIGIN, scan: scan };
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
	else scan();
})();
