/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />

/**
 * Offline use after one visit (DESIGN §3): a classroom's Wi-Fi must not be able to stop a lesson.
 *
 * - install: every built asset (`build`: Vite's output, the lazily loaded three.js chunk and the
 *   fonts included), every static file and every prerendered page is stored in a cache named with
 *   this version, and so is every worker script a stored chunk starts (workerScripts). Nothing is activated early: a lesson in progress keeps the version it started
 *   with, and a new version takes over once the old one's pages are closed (the next visit).
 * - activate: caches of other versions are deleted.
 * - fetch: immutable assets come from the cache first; pages and data go to the network first
 *   (so a new version is seen as soon as it is online) and fall back to the cache when the network
 *   fails or is too slow.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `strangers-${version}`;
const PREFIX = 'strangers-';
const ASSETS = new Set([...build, ...files]);
// /api/health is prerendered only as the static host's answer (no poll server); never cached.
const PAGES = new Set(prerendered.filter((path) => !path.startsWith('/api/')));
/** A worker file named in a chunk's code: `"../workers/starfield.worker-<hash>.js"`. */
const WORKER_REF = /["'`]((?:\.\.?\/)+workers\/[\w.-]+\.js)["'`]/g;
/** A room's address, and the page that serves every room (as the hosts do, README Hosting). */
const JOIN = /^\/join\/[^/]+\/?$/;
const JOIN_PAGE = '/join/room';
/** How long a page may wait for a slow network before the stored copy is served. */
const NETWORK_PATIENCE_MS = 3000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll([...ASSETS, ...PAGES]);
			await cache.addAll(await workerScripts(cache));
		})()
	);
});

/**
 * A worker script (the starfield's) is a file Vite emits beside the chunks, and SvelteKit's
 * `build` list leaves it out: offline, the sky would draw on the page's own thread. The chunk that
 * starts a worker names its file relative to itself (`new URL("../workers/….js",
 * import.meta.url)`), so the stored chunks tell which files to store as well.
 */
async function workerScripts(cache: Cache): Promise<string[]> {
	const found = new Set<string>();
	for (const path of build) {
		if (!path.endsWith('.js')) continue;
		const code = await (await cache.match(path))?.text();
		if (!code) continue;
		for (const [, file] of code.matchAll(WORKER_REF)) {
			const url = new URL(file!, new URL(path, sw.location.href));
			if (url.origin === sw.location.origin) found.add(url.pathname);
		}
	}
	return [...found].filter((path) => !ASSETS.has(path));
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// The first install takes charge of the open page at once, so a single visit is enough.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// The live poll is never cached or answered from here: a stale tally or event stream is wrong.
	if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
	if (request.headers.has('range')) return;

	if (ASSETS.has(url.pathname) || url.pathname.startsWith('/_app/immutable/')) {
		event.respondWith(cacheFirst(request));
	} else {
		event.respondWith(networkFirst(request, event));
	}
});

async function cacheFirst(request: Request): Promise<Response> {
	// Any version's cache will do: an immutable file's name changes whenever its content does.
	const hit = await caches.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok && response.type === 'basic') {
		const copy = response.clone();
		caches.open(CACHE).then((cache) => cache.put(request, copy));
	}
	return response;
}

async function networkFirst(request: Request, event: FetchEvent): Promise<Response> {
	const network = fetch(request);
	// The network's answer refreshes the cache, even when the stored copy was served first.
	event.waitUntil(
		network.then(
			async (response) => {
				if (response.ok && response.type === 'basic') {
					await (await caches.open(CACHE)).put(request, response.clone());
				}
			},
			() => undefined
		)
	);

	// Pages read their query on the client (and SvelteKit adds one to __data.json): match without it.
	const ignoreSearch = true;
	const find = async (what: Request | string) =>
		(await (await caches.open(CACHE)).match(what, { ignoreSearch })) ??
		(await caches.match(what, { ignoreSearch }));
	// Every room's address (/join/<code>) is the one prerendered join page, which says it is offline.
	const join = request.mode === 'navigate' && JOIN.test(new URL(request.url).pathname);
	const stored = async () => (await find(request)) ?? (join ? await find(JOIN_PAGE) : undefined);

	let timer: ReturnType<typeof setTimeout> | undefined;
	const slow = new Promise<'slow'>((resolve) => {
		timer = setTimeout(() => resolve('slow'), NETWORK_PATIENCE_MS);
	});
	try {
		const first = await Promise.race([network, slow]);
		if (first !== 'slow') return first;
		return (await stored()) ?? (await network);
	} catch (error) {
		const copy = await stored();
		if (copy) return copy;
		throw error;
	} finally {
		clearTimeout(timer);
	}
}
