// `npm run build` runs this after Vite. It writes .server/, which with build/ is all that
// `npm start` needs (after `npm ci --omit=dev`):
//  - main.js, src/server/ bundled. Packages stay external (PGlite ships WebAssembly files it finds
//    beside its own code), and every one it imports is in package.json's dependencies, which
//    hold nothing else: the site's own libraries (three, gsap, fonts, qrcode) are bundled by Vite.
//  - polls.json, content/polls.yaml resolved against the story (polls-data.ts), so the server
//    reads no content/ and needs no YAML or schema packages at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}.server`;
const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: `${root}src/lib` },
	logLevel: 'warning'
};
mkdirSync(out, { recursive: true });
await build({
	...common,
	entryPoints: [`${root}src/server/main.ts`],
	outfile: `${out}/main.js`,
	sourcemap: true
});
// Bundled beside main.js only to be run once: its packages resolve from this project's
// node_modules, and the file is removed whatever happens. deck.json (deck-data.ts) is the deck's
// slide ids, which the slide routes check a step against.
for (const name of ['polls', 'deck']) {
	const writer = `${out}/${name}-data.build.mjs`;
	try {
		await build({ ...common, entryPoints: [`${root}src/server/${name}-data.ts`], outfile: writer });
		execFileSync(process.execPath, [writer, `${out}/${name}.json`], {
			cwd: root,
			stdio: 'inherit'
		});
	} finally {
		rmSync(writer, { force: true });
	}
}
