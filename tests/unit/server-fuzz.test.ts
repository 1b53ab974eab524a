/**
 * The server under a flood of malformed and hostile requests over bare sockets: broken request
 * lines, URLs that are not URLs, bad percent-escapes in room codes and paths, oversized and
 * malformed headers, unknown methods, bad, oversized, stalled and cut-off bodies, and live streams
 * dropped at every moment of their start. Every answer must be a 4xx, the process must go on
 * answering, no 5xx may be logged, and once the sockets are gone no stream may still be counted.
 * On PGlite always, and on PostgreSQL as well when DATABASE_URL is set (CI sets it).
 *
 * The limiters are opened wide so that each request reaches the code it is aimed at rather than a
 * 429; the timeouts are shortened so that stalled requests are cut within the test's time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Buckets } from '../../src/lib/poll/model';
import { defaultLimits } from '../../src/server/limits';
import { fireAll, seeded, sleep, writeAll, type Shot } from '../support/raw-http';
import { readEvents, startServer, type Running } from '../support/poll-server';

const SEED = Number(process.env.FUZZ_SEED ?? 20231222);
const rand = seeded(SEED);
const CRLF = '\r\n';

/** A site of a few files, enough for every branch of the static server. */
function tinySite(): string {
	const dir = mkdtempSync(join(tmpdir(), 'fuzz-site-'));
	const files: Record<string, string> = {
		'index.html': '<!doctype html><title>Home</title>',
		'404.html': '<!doctype html><title>Not found</title>',
		'present.html': '<!doctype html><title>Present</title>',
		'join/room.html': '<!doctype html><title>Join</title>',
		'_app/immutable/entry.js': 'export {};',
		'embed.js': '/* embed */'
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

const ESCAPES = [
	'%E0%A4%A',
	'%',
	'%%',
	'%zz',
	'%E0%A4',
	'%C0%AF',
	'%ED%A0%80',
	'%FF%FE',
	'%00',
	'%u0041',
	'%E2%82',
	'%25%',
	'%F4%90%80%80',
	'%c3%28',
	'%%32%65'
];

const randomEscapes = () =>
	Array.from(rand.bytes(1 + rand.int(6)))
		.map((b) => `%${b.toString(16).padStart(2, '0')}`)
		.join('') + rand.pick(['', '%', '%E', '%E0%A4%A']);

const badCode = (real: string) =>
	rand.pick([
		() => rand.pick(ESCAPES),
		() => `${real}${rand.pick(ESCAPES)}`,
		() => `${rand.pick(ESCAPES)}${real.slice(1)}`,
		() => randomEscapes(),
		() => 'B'.repeat(1 + rand.int(4000)),
		() => '..%2F..%2F..%2Fetc%2Fpasswd',
		() => `${real.slice(0, 3)}${rand.pick(ESCAPES)}${real.slice(3)}`
	])();

/** A request with a well-formed frame around whatever is hostile in it. */
const request = (
	method: string,
	path: string,
	headers: Record<string, string> = {},
	body?: string | Buffer
) => {
	const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1'];
	for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
	if (body !== undefined && !('Content-Length' in headers) && !('Transfer-Encoding' in headers))
		lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
	const head = Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1');
	return body === undefined ? head : Buffer.concat([head, Buffer.from(body)]);
};

const oneGo = (kind: string, data: () => string | Buffer): Shot => ({
	kind,
	write: (socket) => void socket.write(data())
});

function requestLines(): Shot[] {
	const fixed = [
		`GET http://[x/ HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET http://[::1 HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET http://a:b@[x]:99999/ HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET //[x/ HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET / HTTP/1.1${CRLF}Host: [x${CRLF}${CRLF}`,
		`GET / HTTP/1.1${CRLF}Host: a b${CRLF}${CRLF}`,
		`GET / HTTP/1.1${CRLF}Host: ${'%'.repeat(10)}${CRLF}${CRLF}`,
		`GET /api/health HTTP/1.1${CRLF}${CRLF}`,
		`GET${CRLF}${CRLF}`,
		`GET /${CRLF}${CRLF}`,
		`GET / HTTP/9.9${CRLF}Host: x${CRLF}${CRLF}`,
		`GET / HTTP/1.1 extra${CRLF}Host: x${CRLF}${CRLF}`,
		` / HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET /\0 HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET /a\tb HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET /api/rooms/\x7f/events HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET * HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`PRI * HTTP/2.0${CRLF}${CRLF}SM${CRLF}${CRLF}`,
		`\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03`,
		`${CRLF}${CRLF}${CRLF}`,
		`GET /${'a'.repeat(20_000)} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
		`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}GARBAGE${CRLF}${CRLF}`,
		`GET /api/rooms/%E0%A4%A/results HTTP/1.0${CRLF}${CRLF}`,
		`GET /api/\u00e9t\u00e9 HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`
	];
	const shots: Shot[] = [];
	for (let i = 0; i < 200; i++) {
		const text = fixed[i % fixed.length]!;
		shots.push(oneGo('request line', () => Buffer.from(text, 'latin1')));
	}
	for (let i = 0; i < 160; i++) {
		// Random bytes, then a blank line so that the parser is sure to have seen a whole head.
		shots.push(
			oneGo('request line', () =>
				Buffer.concat([rand.bytes(1 + rand.int(200)), Buffer.from(CRLF + CRLF)])
			)
		);
	}
	for (let i = 0; i < 40; i++) {
		// Half a request line, then the client goes.
		const text = rand.pick(fixed);
		const part = text.slice(0, 1 + rand.int(Math.min(text.length - 1, 40)));
		shots.push({
			kind: 'request line',
			cut: true,
			write: async (socket) => {
				await writeAll(socket, Buffer.from(part, 'latin1'));
				await sleep(rand.int(30));
				socket.destroy();
			}
		});
	}
	return shots;
}

function urls(code: string, pollId: string): Shot[] {
	const shots: Shot[] = [];
	const ballot = () =>
		JSON.stringify({ pollId, option: 'yes', voter: randomBytes(12).toString('base64url') });
	const api = [
		(c: string) => request('GET', `/api/rooms/${c}/results`),
		(c: string) => request('GET', `/api/rooms/${c}/events`),
		(c: string) => request('GET', `/api/rooms/${c}/results.csv`, { Authorization: 'Bearer x' }),
		(c: string) =>
			request('POST', `/api/rooms/${c}/votes`, { 'Content-Type': 'application/json' }, ballot()),
		(c: string) => request('POST', `/api/rooms/${c}/poll`, { Authorization: 'Bearer x' }, '{}'),
		(c: string) => request('POST', `/api/rooms/${c}/poll/close`, {}, '{}'),
		(c: string) => request('GET', `/api/${c}`),
		(c: string) => request('GET', `/api/rooms/${c}`)
	];
	for (let i = 0; i < 360; i++) {
		const make = rand.pick(api);
		shots.push(oneGo('percent-escape', () => make(badCode(code))));
	}
	const statics = [
		() => `/${rand.pick(ESCAPES)}`,
		() => `/present${rand.pick(ESCAPES)}`,
		() => `/_app/immutable/${rand.pick(ESCAPES)}`,
		() => `/${randomEscapes()}.html`,
		() => '/..%2F..%2F..%2Fetc%2Fpasswd',
		() => '/%2e%2e/%2e%2e/etc/passwd',
		() => '/index.html%00.js',
		() => `/${'..\\'.repeat(8)}windows\\win.ini`,
		() => '/_app/../../package.json',
		() => `/join/${rand.pick(ESCAPES)}/x`
	];
	for (let i = 0; i < 140; i++) {
		const path = rand.pick(statics);
		shots.push(oneGo('percent-escape', () => request('GET', path())));
	}
	return shots;
}

function headers(code: string): Shot[] {
	const makers = [
		() => request('GET', '/api/nope', { 'X-Big': 'x'.repeat(20_000 + rand.int(50_000)) }),
		() =>
			request('GET', `/api/rooms/${code}/results.csv`, {
				Authorization: `Bearer ${'k'.repeat(17_000)}`
			}),
		() => {
			const many: Record<string, string> = {};
			for (let i = 0; i < 800; i++) many[`X-H${i}`] = 'yyyyyyyyyyyyyyyyyyyy';
			return request('GET', '/api/nope', many);
		},
		() => Buffer.from(`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF}Bad Header: y${CRLF}${CRLF}`),
		() => Buffer.from(`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF}NoColon${CRLF}${CRLF}`),
		() => Buffer.from(`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF}X: a\0b${CRLF}${CRLF}`),
		() => Buffer.from(`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF} folded: y${CRLF}${CRLF}`),
		() => Buffer.from(`GET /api/nope HTTP/1.1${CRLF}Host: x${CRLF}Host: y${CRLF}${CRLF}`),
		() => request('POST', '/api/rooms/ZZZZZZ/votes', { 'Content-Length': 'abc' }, ''),
		() => request('POST', '/api/rooms/ZZZZZZ/votes', { 'Content-Length': '-1' }, ''),
		() =>
			Buffer.from(
				`POST /api/rooms/ZZZZZZ/votes HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 2${CRLF}Content-Length: 5${CRLF}${CRLF}{}`
			),
		() =>
			request(
				'POST',
				`/api/rooms/${code}/votes`,
				{ 'Content-Length': '2', 'Transfer-Encoding': 'chunked' },
				'0\r\n\r\n'
			),
		() =>
			request('POST', `/api/rooms/${code}/votes`, { 'Transfer-Encoding': 'gzip, chunked' }, '{}'),
		() => request('GET', '/api/nope', { 'X-Forwarded-For': `${randomEscapes()}, [::1, 999.1.1.1` }),
		() =>
			request('GET', `/api/rooms/${rand.pick(ESCAPES)}/events`, {
				'Last-Event-ID': rand.bytes(40).toString('latin1'),
				Accept: 'text/event-stream'
			}),
		() => request('GET', '/api/nope', { 'Accept-Encoding': 'gzip;q=NaN, br;q=-1, *;q=1e999' }),
		() => request('GET', '/nope.html', { 'If-None-Match': '"'.repeat(300), Range: 'bytes=9-1,x' }),
		() => request('GET', '/api/nope', { Upgrade: 'websocket', Connection: 'Upgrade' })
	];
	return Array.from({ length: 300 }, (_, i) => {
		const make = makers[i % makers.length]!;
		return oneGo('header', make);
	});
}

function methods(code: string): Shot[] {
	const unknown = ['FOO', 'G E T', 'get', 'GETT', 'BREW', '\x00\x01', 'X'.repeat(300), 'HTTP/1.1'];
	const odd = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE', 'LOCK', 'MKCOL'];
	const paths = [
		'/api/rooms',
		`/api/rooms/${code}/votes`,
		`/api/rooms/${code}/poll`,
		`/api/rooms/${code}/results`,
		`/api/rooms/${code}/events`,
		'/api/health',
		'/api/polls',
		'/present',
		'/',
		'/nope'
	];
	const shots: Shot[] = [];
	for (let i = 0; i < 300; i++) {
		const n = i % 10;
		if (n < 3) {
			shots.push(oneGo('method', () => request(rand.pick(unknown), rand.pick(paths))));
		} else if (n < 5) {
			shots.push(
				oneGo('method', () =>
					Buffer.from(
						`CONNECT ${rand.pick(['127.0.0.1:22', 'x:443', '[x'])} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`
					)
				)
			);
		} else {
			// Known methods on routes that do not take them: 405 under /api, 404 for the site.
			const method = rand.pick(odd);
			const path = rand.pick(paths.slice(0, 8).concat('/nope'));
			shots.push(
				oneGo('method', () =>
					request(method, path === '/present' || path === '/' ? '/nope' : path, {}, '{}')
				)
			);
		}
	}
	return shots;
}

function bodies(code: string, pollId: string): Shot[] {
	const votes = `/api/rooms/${code}/votes`;
	const json = { 'Content-Type': 'application/json' };
	const v = () => randomBytes(12).toString('base64url');
	const bad = [
		() => '{"pollId":',
		() => '',
		() => 'null',
		() => '[1,2]',
		() => '"yes"',
		() => '1e999',
		() => '['.repeat(4000),
		() => '{"__proto__":{"admin":true},"pollId":"x"}',
		() => JSON.stringify({ pollId, option: 'maybe', voter: v() }),
		() => JSON.stringify({ pollId, option: 'yes', voter: 'x' }),
		() => JSON.stringify({ pollId, option: 'yes', voter: 'v'.repeat(3000) }),
		() => JSON.stringify({ pollId: 'nope', option: 'yes', voter: v() }),
		() => JSON.stringify({ pollId: { $ne: null }, option: 'yes', voter: v() }),
		() => JSON.stringify({ pollId, option: ['yes'], voter: v() }),
		() => JSON.stringify({ pollId, option: "yes'; drop table votes; --", voter: v() }),
		() => Buffer.concat([Buffer.from('{"pollId":"'), rand.bytes(60), Buffer.from('"}')]),
		() => rand.bytes(1 + rand.int(3000))
	];
	const shots: Shot[] = [];
	for (let i = 0; i < 240; i++) {
		const body = rand.pick(bad);
		const target = rand.pick([votes, votes, `/api/rooms/${code}/poll`]);
		shots.push(oneGo('body', () => request('POST', target, json, body())));
	}
	// Oversized: declared, chunked without a length, and declared far beyond what is sent.
	for (let i = 0; i < 80; i++) {
		const kind = i % 4;
		shots.push(
			oneGo('oversized body', () => {
				if (kind === 0) return request('POST', votes, json, 'x'.repeat(5000 + rand.int(60_000)));
				if (kind === 1) return request('POST', votes, { 'Content-Length': '999999999999' }, '{');
				if (kind === 2) {
					const chunk = 'y'.repeat(1000);
					const chunks = Array.from({ length: 8 }, () => `3e8\r\n${chunk}\r\n`).join('');
					return request('POST', votes, { 'Transfer-Encoding': 'chunked' }, `${chunks}0\r\n\r\n`);
				}
				return request('POST', `/api/rooms/${code}/poll`, {
					...json,
					Expect: '100-continue',
					'Content-Length': '10000000'
				});
			})
		);
	}
	// Broken chunked framing.
	for (let i = 0; i < 40; i++) {
		const framing = rand.pick([
			'zz\r\n{}\r\n0\r\n\r\n',
			'2\r\n{}XX0\r\n\r\n',
			'-1\r\n\r\n',
			'ffffffffffffffff\r\n{'
		]);
		shots.push(
			oneGo('body', () =>
				request('POST', votes, { ...json, 'Transfer-Encoding': 'chunked' }, framing)
			)
		);
	}
	// Slow bodies: trickled until the request timeout cuts them.
	for (let i = 0; i < 40; i++) {
		shots.push({
			kind: 'slow body',
			write: async (socket, answered) => {
				let done = false;
				void answered.then(() => (done = true));
				await writeAll(socket, request('POST', votes, { ...json, 'Content-Length': '400' }));
				for (let n = 0; n < 400 && !done && !socket.destroyed; n++) {
					await writeAll(socket, '{');
					await sleep(150);
				}
			}
		});
	}
	// Cut-off bodies: the client stops half-way and goes.
	for (let i = 0; i < 60; i++) {
		shots.push({
			kind: 'cut-off body',
			cut: true,
			write: async (socket) => {
				const body = JSON.stringify({ pollId, option: 'yes', voter: v() });
				await writeAll(socket, request('POST', votes, { ...json, 'Content-Length': '300' }));
				await writeAll(socket, body.slice(0, rand.int(body.length)));
				await sleep(rand.int(40));
				socket.destroy();
			}
		});
	}
	return shots;
}

/** Live streams on a real room, dropped at every moment: none may stay counted. */
function streams(code: string): Shot[] {
	const events = `GET /api/rooms/${code}/events HTTP/1.1${CRLF}Host: x${CRLF}Accept: text/event-stream${CRLF}${CRLF}`;
	const ways: ((
		socket: import('node:net').Socket,
		answered: Promise<number | null>
	) => Promise<void>)[] = [
		async (s) => {
			s.write(events);
			s.destroy();
		},
		async (s) => {
			await writeAll(s, events);
			await sleep(rand.int(20));
			s.destroy();
		},
		async (s, answered) => {
			await writeAll(s, events);
			await answered;
			await sleep(rand.int(50));
			s.destroy();
		},
		async (s) => {
			await writeAll(s, events.slice(0, 10 + rand.int(events.length - 12)));
			await sleep(rand.int(20));
			s.destroy();
		},
		async (s) => {
			// Half-closed: the client says it is done sending, and waits.
			await writeAll(s, events);
			s.end();
		},
		async (s) => {
			// Reads nothing, then goes.
			s.pause();
			await writeAll(s, events);
			await sleep(30 + rand.int(50));
			s.destroy();
		},
		async (s, answered) => {
			// Two streams asked on one connection; the second waits behind the first.
			await writeAll(s, events + events);
			await answered;
			s.destroy();
		}
	];
	return Array.from({ length: 280 }, (_, i) => ({
		kind: 'aborted stream',
		cut: true,
		write: ways[i % ways.length]!
	}));
}

const engines = [{ name: 'PGlite', url: undefined as string | undefined }];
if (process.env.DATABASE_URL) engines.push({ name: 'PostgreSQL', url: process.env.DATABASE_URL });

describe.each(engines)(
	'the server on $name under malformed and hostile requests',
	({ name, url }) => {
		let s: Running;
		let site: string;
		const logged: string[] = [];
		const failures: unknown[][] = [];
		let errorSpy: ReturnType<typeof vi.spyOn>;

		beforeAll(async () => {
			site = tinySite();
			const wide = () => new Buckets(1e9, 1e9);
			s = await startServer({
				DATABASE_URL: url,
				siteDir: site,
				limits: {
					...defaultLimits(),
					perAddress: wide(),
					perVoter: wide(),
					perRoom: wide(),
					wrongCodes: wide()
				},
				timeouts: { requestMs: 1500, headersMs: 1000 },
				log: (line) => logged.push(line)
			});
			errorSpy = vi.spyOn(console, 'error').mockImplementation((...args) => {
				failures.push(args);
			});
		}, 180_000);

		afterAll(async () => {
			errorSpy?.mockRestore();
			await s?.stop();
			if (site) rmSync(site, { recursive: true, force: true });
		});

		it('answers every one with a 4xx, keeps answering, and counts no stream after', async () => {
			const { port } = s.app.server.address() as AddressInfo;
			const post = (path: string, body: unknown, key?: string) =>
				fetch(`${s.base}/api${path}`, {
					method: 'POST',
					headers: key ? { Authorization: `Bearer ${key}` } : {},
					body: JSON.stringify(body)
				});
			const room = (await (await post('/rooms', {})).json()) as {
				code: string;
				teacherKey: string;
			};
			const options = [
				{ id: 'yes', label: 'Yes' },
				{ id: 'no', label: 'No' }
			];
			const poll = (await (
				await post(`/rooms/${room.code}/poll`, { question: 'Q', options }, room.teacherKey)
			).json()) as { id: string };

			const hostile = [
				...requestLines(),
				...urls(room.code, poll.id),
				...headers(room.code),
				...methods(room.code),
				...bodies(room.code, poll.id)
			];
			const aborted = streams(room.code);
			// Mixed, so that streams are being dropped while the rest arrive.
			const all = [...hostile, ...aborted].sort(() => rand.next() - 0.5);
			const results = await fireAll(port, all, 48);

			const byStatus: Record<string, number> = {};
			const byKind: Record<string, Record<string, number>> = {};
			let silent = 0;
			let cutByClient = 0;
			let streamsOpened = 0;
			const wrong: string[] = [];
			for (const { shot, outcome } of results) {
				if (shot.kind === 'aborted stream') {
					if (outcome.status === 200) streamsOpened++;
					else if (outcome.status !== null) {
						byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
						wrong.push(`aborted stream answered ${outcome.status}`);
					} else cutByClient++;
					continue;
				}
				const key = outcome.status === null ? (shot.cut ? 'cut' : 'none') : String(outcome.status);
				(byKind[shot.kind] ??= {})[key] = (byKind[shot.kind]?.[key] ?? 0) + 1;
				if (outcome.status === null) {
					if (shot.cut) cutByClient++;
					else {
						silent++;
						wrong.push(`${shot.kind}: no answer${outcome.timedOut ? ' (timed out)' : ''}`);
					}
					continue;
				}
				byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
				if (outcome.status < 400 || outcome.status > 499)
					wrong.push(`${shot.kind}: answered ${outcome.status}`);
			}

			// Still answering, the database included, and a real vote still reaches a real stream.
			const health = await fetch(`${s.base}/api/health`);
			const alive = health.status === 200 && (await health.json()).ok === true;
			const ctrl = new AbortController();
			const live = readEvents(
				await fetch(`${s.base}/api/rooms/${room.code}/events`, { signal: ctrl.signal })
			);
			await live.next();
			await live.next();
			const voted = await post(`/rooms/${room.code}/votes`, {
				pollId: poll.id,
				option: 'no',
				voter: randomBytes(12).toString('base64url')
			});
			let next = (await live.next()).value!;
			while (next.event !== 'results') next = (await live.next()).value!;
			ctrl.abort();

			// Sockets close a moment after the client goes; wait for the last of them.
			for (let i = 0; i < 100 && s.app.events.count > 0; i++) await sleep(100);
			const streamsAtEnd = s.app.events.count;

			const figures = {
				engine: name,
				seed: SEED,
				sent: all.length,
				hostile: hostile.length,
				abortedStreams: aborted.length,
				answersByStatus: byStatus,
				byKind,
				cutByClient,
				streamsOpenedThenDropped: streamsOpened,
				silent,
				alive,
				streamsAtEnd,
				logLines: logged.length,
				serverErrorsLogged: failures.length
			};
			console.log(`server fuzz: ${JSON.stringify(figures, null, 1)}`);

			expect(all.length).toBeGreaterThanOrEqual(2000);
			expect(wrong.slice(0, 20)).toEqual([]);
			expect(silent).toBe(0);
			expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBeGreaterThan(1500);
			expect(alive).toBe(true);
			expect(voted.status).toBe(200);
			expect(next.data).toMatchObject({ total: 1 });
			expect(streamsAtEnd).toBe(0);
			// A refusal is one short line; a 5xx, with its stack, is a bug.
			expect(failures.map((f) => String(f[0]))).toEqual([]);
			expect(logged.filter((l) => l.includes('\n') || l.length > 300)).toEqual([]);
		}, 300_000);
	}
);
