/**
 * `npm start`: the built site and the poll API from one process.
 * PORT (3000), HOST (all interfaces), DATA_DIR (./data), DATABASE_URL (optional), PUBLIC_URL
 * (optional: the address printed in join links when the server sits behind a proxy).
 */
import { resolve } from 'node:path';
import { loadContent } from '../lib/content/load';
import { loadPolls } from '../lib/content/polls';
import { createApp } from './app';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST || undefined;
const content = resolve('content');
const polls = loadPolls(content, loadContent(content));

const app = await createApp({
	DATABASE_URL: env.DATABASE_URL,
	DATA_DIR: resolve(env.DATA_DIR ?? 'data'),
	siteDir: resolve('build'),
	polls,
	publicUrl: env.PUBLIC_URL
});
app.server.listen(port, host, () => {
	const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${resolve(env.DATA_DIR ?? 'data')}`;
	console.log(`Serving build/ and /api on http://${host ?? 'localhost'}:${port} (${where})`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		// Open event streams would hold server.close() forever; the app ends them first.
		app.close().then(
			() => process.exit(0),
			() => process.exit(1)
		);
	});
}
