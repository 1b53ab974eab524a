/**
 * SIGTERM drains `npm start` as a host's restart would: votes are arriving from twenty phones and
 * live streams are open when the signal comes. Every vote the server acknowledged (2xx) is
 * counted after a restart on the same database, no vote under way is answered 5xx, every stream
 * is ended with a `retry:` hint rather than cut, and the process exits 0. On PGlite (a fresh
 * DATA_DIR), and on PostgreSQL as well when DATABASE_URL is set. Run after `npm run build`.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

const main = resolve('.server/main.js');
const engines = [{ name: 'PGlite', url: '' }];
if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

interface Server {
	child: ChildProcess;
	base: string;
	exited: Promise<number | null>;
	output: () => string;
}

/** `node .server/main.js` on a free loopback port; resolves once it says where it listens. */
function start(env: NodeJS.ProcessEnv): Promise<Server> {
	const child = spawn(process.execPath, [main], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TRUST_PROXY: '', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no start in 120 s\n${out}`)), 120_000);
		const read = (chunk: Buffer) => {
			out += chunk.toString();
			const at = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (at) {
				clearTimeout(timer);
				resolve({ child, base: at[1]!, exited, output: () => out });
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		void exited.then((code) => reject(new Error(`the server exited (${code})\n${out}`)));
	});
}

const post = (base: string, path: string, body: unknown, key?: string) =>
	fetch(`${base}/api${path}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			...(key ? { Authorization: `Bearer ${key}` } : {})
		},
		body: JSON.stringify(body)
	});

/** A phone's live stream: everything it was sent, and how it ended. */
function listen(base: string, code: string) {
	const state = { text: '', ended: false, failed: '' };
	const done = (async () => {
		const res = await fetch(`${base}/api/rooms/${code}/events`);
		const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			state.text += value;
		}
		state.ended = true;
	})().catch((e: Error) => {
		state.failed = e.message;
	});
	return { state, done };
}

for (const { name, url } of engines) {
	test(`SIGTERM on ${name}: every acknowledged vote counted, streams told to retry, exit 0`, async () => {
		test.setTimeout(300_000);
		expect(existsSync(main), 'run `npm run build` first').toBe(true);
		const dataDir = mkdtempSync(join(tmpdir(), 'poll-drain-'));
		const env = { DATA_DIR: dataDir, DATABASE_URL: url };
		let server: Server | undefined;
		try {
			server = await start(env);
			const { base } = server;
			const room = (await (await post(base, '/rooms', {})).json()) as {
				code: string;
				teacherKey: string;
			};
			const options = [
				{ id: 'a', label: 'A' },
				{ id: 'b', label: 'B' }
			];
			const poll = (await (
				await post(base, `/rooms/${room.code}/poll`, { question: 'Q', options }, room.teacherKey)
			).json()) as { id: string };

			const streams = Array.from({ length: 8 }, () => listen(base, room.code));
			// Every stream has had its snapshot before the signal comes.
			await expect
				.poll(() => streams.filter((s) => s.state.text.includes('event: results')).length)
				.toBe(streams.length);

			const acknowledged = new Set<string>();
			const statuses: Record<string, number> = {};
			let sent = 0;
			let stop = false;
			const phones = Array.from({ length: 20 }, async () => {
				while (!stop) {
					const voter = randomBytes(12).toString('base64url');
					sent++;
					try {
						const res = await post(base, `/rooms/${room.code}/votes`, {
							pollId: poll.id,
							option: sent % 2 ? 'a' : 'b',
							voter
						});
						statuses[res.status] = (statuses[res.status] ?? 0) + 1;
						if (res.ok) acknowledged.add(voter);
					} catch {
						// Refused or cut while the server stops: not acknowledged, so nothing is owed.
						if (stop) return;
						await new Promise((r) => setTimeout(r, 20));
					}
				}
			});
			await new Promise((r) => setTimeout(r, 1500));
			const before = acknowledged.size;
			server.child.kill('SIGTERM');
			const code = await server.exited;
			stop = true;
			await Promise.all(phones);
			await Promise.all(streams.map((s) => s.done));
			const drainLog = server.output();

			// A stream's first chunk carries `retry: 2000`; the drain's own hint comes after the snapshot.
			const hinted = streams.filter((s) => {
				const afterSnapshot = s.state.text.slice(s.state.text.indexOf('event: results'));
				return s.state.ended && /\nretry: \d+\n/.test(`\n${afterSnapshot}`);
			}).length;

			server = await start(env);
			const results = (await (
				await fetch(`${server.base}/api/rooms/${room.code}/results`)
			).json()) as {
				total: number;
			};
			console.log(
				`drain on ${name}: ${sent} votes sent, ${before} acknowledged before SIGTERM, ` +
					`${acknowledged.size} in all, ${results.total} counted after restart; answers ` +
					`${JSON.stringify(statuses)}; ${hinted}/${streams.length} streams ended with retry:; exit ${code}`
			);
			expect(code, drainLog).toBe(0);
			expect(drainLog).toContain('SIGTERM: draining');
			expect(before).toBeGreaterThan(0);
			expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
			// Every acknowledged vote is in; a vote committed whose answer was lost may be too.
			expect(results.total).toBeGreaterThanOrEqual(acknowledged.size);
			expect(results.total).toBeLessThanOrEqual(sent);
			expect(hinted).toBe(streams.length);
			expect(streams.map((s) => s.state.failed)).toEqual(streams.map(() => ''));
		} finally {
			if (server && server.child.exitCode === null) {
				server.child.kill('SIGTERM');
				await server.exited;
			}
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
}
