import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The components a scene's still is drawn with. */
const STILL_PARTS = /\/src\/lib\/(scenes|starfield|features\/graphic)\/.*\.svelte$/;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	vitePlugin: {
		// Without JavaScript a chapter's picture is the still the prerender drew with its drawing
		// (scenes/render-stills), whose stylesheet arrives only with the drawings' code. Rendered on
		// the server with its styles injected, the still carries them (into a <noscript>, so a page
		// with JavaScript never parses them); the browser's build keeps them in their files.
		dynamicCompileOptions: ({ filename, compileOptions }) =>
			compileOptions.generate === 'server' && STILL_PARTS.test(filename)
				? { css: 'injected' }
				: undefined
	},
	kit: {
		// The stylesheets are small: inline them rather than make first paint wait on requests.
		inlineStyleThreshold: 32 * 1024,
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', entries: ['*', '/story.json'] },
		// Registered by src/lib/present/offline.ts, which skips framed pages (embeds).
		serviceWorker: { register: false },
		// Prerendered pages carry their policy as a <meta> tag, so only hashes work (no nonces);
		// frame-ancestors is ignored in a meta tag and belongs to the host's headers (README).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
