import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
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
