import { sveltekit } from '@sveltejs/kit/vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';
import { siteUrlWarning } from './src/lib/social/site-warning';

export default defineConfig(({ command, mode }) => ({
	plugins: [sveltekit(), siteUrlCheck(command, mode)],
	build: {
		rollupOptions: {
			// Rollup split the reading page's start into 30 modules, half of them under 1 KB: each a
			// request, a fetch and an instantiation on a phone's main thread. Chunks without side
			// effects below 8 KB join one loaded with them (16 modules, the same bytes).
			output: { experimentalMinChunkSize: 8000 }
		}
	},
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
}));

/**
 * A build for deployment without PUBLIC_SITE_URL says so, once. Vite sets NODE_ENV=production for
 * every build before this file is read, so a caller's NODE_ENV cannot be told apart: every
 * production-mode build counts (CI's included), which errs on the side of saying it.
 */
function siteUrlCheck(command: string, mode: string) {
	return {
		name: 'strangers:site-url',
		buildStart() {
			if (command !== 'build' || process.env.VITEST || process.env.STRANGERS_SITE_URL_CHECKED)
				return;
			// SvelteKit runs a second build in the same process: one warning is enough.
			process.env.STRANGERS_SITE_URL_CHECKED = '1';
			const deployment = mode === 'production' || !!process.env.CI;
			const message = siteUrlWarning(loadEnv(mode, process.cwd(), 'PUBLIC_'), deployment);
			if (message) console.warn(message);
		}
	};
}
