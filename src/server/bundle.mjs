// `npm run build` runs this after Vite: bundles src/server/ into .server/main.js for `npm start`.
// Packages stay external (PGlite ships WebAssembly files it finds beside its own code).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
	entryPoints: [`${root}src/server/main.ts`],
	outfile: `${root}.server/main.js`,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: `${root}src/lib` },
	sourcemap: true,
	logLevel: 'warning'
});
