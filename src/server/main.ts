/**
 * `npm start`: the built site and the poll API from one process, run from the build's output
 * alone: build/ (the site) and .server/ (this bundle and polls.json, the class polls that
 * `npm run build` resolved from content/). Settings, all from the environment, are in README.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { ContentPoll } from '../lib/content/polls';
import { createApp } from './app';
import type { DeckIds } from './slides';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST || undefined;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const polls = JSON.parse(readFileSync(here('./polls.json'), 'utf8')) as ContentPoll[];
const deck = JSON.parse(readFileSync(here('./deck.json'), 'utf8')) as DeckIds;

const app = await createApp({
	DATABASE_URL: env.DATABASE_URL,
	DATA_DIR: resolve(env.DATA_DIR ?? 'data'),
	siteDir: here('../build'),
	polls,
	deck,
	publicUrl: env.PUBLIC_URL,
	trustProxy: env.TRUST_PROXY
});
app.server.listen(port, host, () => {
	const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${resolve(env.DATA_DIR ?? 'data')}`;
	const { port: bound } = app.server.address() as AddressInfo;
	console.log(`Serving build/ and /api on http://${host ?? 'localhost'}:${bound} (${where})`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: draining`);
		app.close().then(
			() => process.exit(0),
			(e) => {
				console.error('the drain failed:', e);
				process.exit(1);
			}
		);
	});
}
