/**
 * Starts the poll server in this process on a free loopback port, on a fresh PGlite folder or on
 * DATABASE_URL, for the API tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadContent } from '../../src/lib/content/load';
import { loadPolls } from '../../src/lib/content/polls';
import { createApp, type App, type AppOptions } from '../../src/server/app';
import type { Limits } from '../../src/server/api';
import { deckIds } from '../../src/server/deck-ids';

export interface Running {
	app: App;
	base: string;
	stop(): Promise<void>;
}

const content = resolve('content');
export const contentPolls = () => loadPolls(content, loadContent(content));
export const contentDeck = () => deckIds(loadContent(content).chapters);

export async function startServer(
	options: {
		DATABASE_URL?: string;
		limits?: Limits;
		dataDir?: string;
		siteDir?: string;
		trustProxy?: string;
		timeouts?: AppOptions['timeouts'];
		log?: AppOptions['log'];
	} = {}
): Promise<Running> {
	const dir = options.DATABASE_URL
		? null
		: (options.dataDir ?? mkdtempSync(join(tmpdir(), 'poll-test-')));
	const app = await createApp({
		DATABASE_URL: options.DATABASE_URL,
		DATA_DIR: dir ?? undefined,
		polls: contentPolls(),
		deck: contentDeck(),
		limits: options.limits,
		siteDir: options.siteDir,
		trustProxy: options.trustProxy,
		timeouts: options.timeouts,
		log: options.log
	});
	await new Promise<void>((done) => app.server.listen(0, '127.0.0.1', done));
	const { port } = app.server.address() as AddressInfo;
	return {
		app,
		base: `http://127.0.0.1:${port}`,
		async stop() {
			await app.close();
			if (dir && !options.dataDir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Reads Server-Sent Events from a fetch stream, one parsed event at a time. */
export async function* readEvents(
	res: Response
): AsyncGenerator<{ event: string; data: unknown; id?: string }> {
	const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) return;
		buffer += value;
		let end: number;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const fields = Object.fromEntries(
				block
					.split('\n')
					.filter((l) => l && !l.startsWith(':'))
					.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()])
			);
			if (fields.event)
				yield { event: fields.event, data: JSON.parse(fields.data ?? 'null'), id: fields.id };
		}
	}
}
