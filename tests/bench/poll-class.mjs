// One class on one process (`npm run bench:poll`): the live poll under a class's load, over
// loopback only (run `npm run build` first). Prints one `name: value unit (budget)` line per figure
// and exits non-zero on a miss.
//  1. 300 voters vote within 10 s with 5 projector streams open: p50/p95 latency, counts checked
//     against the acknowledged ballots and against what the streams last showed.
//  2. kill -9 of the server mid-poll, restart on the same DATA_DIR: every acknowledged vote counted.
//  3. every bad input answered 4xx, with nothing counted.
//  4. open answers under the same load as votes: 300 phones write within 10 s, 5 streams open:
//     p50/p95 latency, and every acknowledged answer in the teacher's list and on the streams.
//  5. the slide fan-out: 300 phones following, p95 from the teacher's POST /slide to the last
//     stream seeing the slide.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const PORT = Number(process.env.POLL_BENCH_PORT ?? 3303);
const BASE = `http://127.0.0.1:${PORT}`;
const VOTERS = 300;
const WINDOW_MS = 10_000;
const BUDGET_P95_MS = 100;
const FOLLOWERS = 300;
const SLIDE_CHANGES = 20;
const BUDGET_SLIDE_P95_MS = 500;
const dataDir = mkdtempSync(join(tmpdir(), 'poll-bench-'));
const failures = [];
const report = (name, value, unit, budget, ok) => {
	console.log(
		`${name}: ${value} ${unit}${budget ? ` (budget ${budget})` : ''}${ok === false ? '  FAIL' : ''}`
	);
	if (ok === false) failures.push(name);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const voter = () => randomBytes(12).toString('base64url');

function start() {
	const child = spawn(process.execPath, ['.server/main.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: ''
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return child;
}

async function ready() {
	// Bounded: PGlite compiles its WebAssembly on start, which takes a while on a busy machine.
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${BASE}/api/health`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await sleep(250);
	}
	throw new Error('the server did not start within 150 s');
}

const json = (method, path, body, key) =>
	fetch(`${BASE}/api${path}`, {
		method,
		headers: {
			'Content-Type': 'application/json',
			...(key ? { Authorization: `Bearer ${key}` } : {})
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});

/** A projector: reads the event stream and remembers the latest results it was sent. */
function projector(code) {
	const ctrl = new AbortController();
	const state = { last: null };
	(async () => {
		const res = await fetch(`${BASE}/api/rooms/${code}/events`, { signal: ctrl.signal });
		const decoder = new TextDecoder();
		let buffer = '';
		for await (const chunk of res.body) {
			buffer += decoder.decode(chunk, { stream: true });
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (block.includes('event: results')) state.last = JSON.parse(block.split('data: ')[1]);
			}
		}
	})().catch(() => {});
	return { state, stop: () => ctrl.abort() };
}

/** A phone following the class: when did it see each slide? */
function follower(code) {
	const ctrl = new AbortController();
	const seen = new Map();
	const waiting = new Map();
	let opened;
	const ready = new Promise((r) => (opened = r));
	(async () => {
		const res = await fetch(`${BASE}/api/rooms/${code}/events`, { signal: ctrl.signal });
		const decoder = new TextDecoder();
		let buffer = '';
		for await (const chunk of res.body) {
			buffer += decoder.decode(chunk, { stream: true });
			let end;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (!block.includes('event: slide')) continue;
				const { step } = JSON.parse(block.split('data: ')[1]);
				opened();
				const now = performance.now();
				seen.set(step, now);
				waiting.get(step)?.(now);
				waiting.delete(step);
			}
		}
	})().catch(() => {});
	return {
		ready,
		/** The moment `step` arrives (from now on), or null after `ms`. */
		wait(step, ms) {
			seen.delete(step);
			return new Promise((done) => {
				const timer = setTimeout(() => done(null), ms);
				waiting.set(step, (t) => {
					clearTimeout(timer);
					done(t);
				});
			});
		},
		stop: () => ctrl.abort()
	};
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

let server = start();
try {
	await ready();
	const room = await (await json('POST', '/rooms', {})).json();
	const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() }));
	const poll = await (
		await json('POST', `/rooms/${room.code}/poll`, { question: 'Q', options }, room.teacherKey)
	).json();
	const streams = Array.from({ length: 5 }, () => projector(room.code));
	await sleep(500);

	// 1. 300 voters, each at a random moment within 10 s.
	const latencies = [];
	const acked = { a: 0, b: 0, c: 0, d: 0 };
	let refused = 0;
	await Promise.all(
		Array.from({ length: VOTERS }, async (_, i) => {
			await sleep(Math.random() * WINDOW_MS);
			const option = options[i % 4].id;
			const t0 = performance.now();
			const res = await json('POST', `/rooms/${room.code}/votes`, {
				pollId: poll.id,
				option,
				voter: voter()
			});
			latencies.push(performance.now() - t0);
			if (res.ok) acked[option]++;
			else refused++;
		})
	);
	latencies.sort((x, y) => x - y);
	const p95 = quantile(latencies, 0.95);
	report('poll vote latency p50', quantile(latencies, 0.5).toFixed(1), 'ms');
	report(
		'poll vote latency p95',
		p95.toFixed(1),
		'ms',
		`<= ${BUDGET_P95_MS} ms`,
		p95 <= BUDGET_P95_MS
	);
	const results = await (await json('GET', `/rooms/${room.code}/results`)).json();
	const countsMatch = options.every((o) => results.counts[o.id] === acked[o.id]);
	report(
		'poll votes acknowledged',
		`${VOTERS - refused}/${VOTERS}`,
		'votes',
		`${VOTERS}/${VOTERS}`,
		refused === 0
	);
	report(
		'poll count check',
		countsMatch && results.total === VOTERS ? 'ok' : `counted ${results.total}`,
		'',
		'ok',
		countsMatch && results.total === VOTERS
	);
	await sleep(1000);
	const streamed = streams.filter((s) => s.state.last?.total === results.total).length;
	report(
		'poll projector streams up to date',
		`${streamed}/5`,
		'streams',
		'5/5 within 1 s',
		streamed === 5
	);
	for (const s of streams) s.stop();

	// 4. Open answers, under the same load as the votes: a words poll, 300 phones, 10 s.
	{
		const words = await (
			await json('POST', `/rooms/${room.code}/poll`, { poll: 'ending-feeling' }, room.teacherKey)
		).json();
		const answerStreams = Array.from({ length: 5 }, () => projector(room.code));
		await sleep(500);
		const texts = ['grief', 'حنين', '孤独', 'प्रेम', 'hope 😢', '<b>lost</b>'];
		const took = [];
		const ackedIds = new Set();
		await Promise.all(
			Array.from({ length: VOTERS }, async (_, i) => {
				await sleep(Math.random() * WINDOW_MS);
				const t0 = performance.now();
				const res = await json('POST', `/rooms/${room.code}/answers`, {
					pollId: words.id,
					text: texts[i % texts.length],
					voter: voter()
				});
				took.push(performance.now() - t0);
				if (res.ok) ackedIds.add((await res.json()).id);
			})
		);
		took.sort((x, y) => x - y);
		const ap95 = quantile(took, 0.95);
		report('poll answer latency p50', quantile(took, 0.5).toFixed(1), 'ms');
		report(
			'poll answer latency p95',
			ap95.toFixed(1),
			'ms',
			`<= ${BUDGET_P95_MS} ms`,
			ap95 <= BUDGET_P95_MS
		);
		const list = await (
			await json('GET', `/rooms/${room.code}/answers?poll=${words.id}`, undefined, room.teacherKey)
		).json();
		const kept = new Set(list.answers.map((a) => a.id));
		const answersLost = [...ackedIds].filter((id) => !kept.has(id)).length;
		report(
			'poll answers acknowledged',
			`${ackedIds.size}/${VOTERS}`,
			'answers',
			`${VOTERS}/${VOTERS}`,
			ackedIds.size === VOTERS
		);
		report('poll answers lost', answersLost, 'answers', '0', answersLost === 0);
		await sleep(1000);
		const caught = answerStreams.filter((st) => st.state.last?.total === ackedIds.size).length;
		report(
			'poll answer streams up to date',
			`${caught}/5`,
			'streams',
			'5/5 within 1 s',
			caught === 5
		);
		for (const st of answerStreams) st.stop();
	}

	// 2. kill -9 while votes are arriving; every acknowledged vote must survive the restart.
	const crashPoll = await (
		await json('POST', `/rooms/${room.code}/poll`, { question: 'Q2', options }, room.teacherKey)
	).json();
	const acknowledged = new Set();
	let stop = false;
	const senders = Array.from({ length: 20 }, async () => {
		for (let i = 0; i < 1000 && !stop; i++) {
			const v = voter();
			try {
				const res = await json('POST', `/rooms/${room.code}/votes`, {
					pollId: crashPoll.id,
					option: 'a',
					voter: v
				});
				if (res.ok) acknowledged.add(v);
			} catch {
				return; // the server is gone
			}
		}
	});
	await sleep(1500);
	server.kill('SIGKILL');
	stop = true;
	await Promise.all(senders);
	server = start();
	await ready();
	const after = await (await json('GET', `/rooms/${room.code}/results`)).json();
	const lost = Math.max(0, acknowledged.size - after.counts.a);
	report('poll votes acknowledged before kill -9', acknowledged.size, 'votes');
	report('poll votes lost after restart', lost, 'votes', '0', lost === 0 && acknowledged.size > 0);

	// 3. Bad input: each one a 4xx, and the tally unchanged.
	const good = { pollId: crashPoll.id, option: 'a', voter: voter() };
	const before = after.total;
	const bad = [
		['unknown room', () => json('POST', '/rooms/ZZZZZZ/votes', good)],
		['unknown poll', () => json('POST', `/rooms/${room.code}/votes`, { ...good, pollId: 'nope' })],
		['unknown option', () => json('POST', `/rooms/${room.code}/votes`, { ...good, option: 'z' })],
		['malformed JSON', () => json('POST', `/rooms/${room.code}/votes`, '{"pollId":')],
		['bad voter id', () => json('POST', `/rooms/${room.code}/votes`, { ...good, voter: '1' })],
		[
			'body over 4 KB',
			() => json('POST', `/rooms/${room.code}/votes`, { ...good, pad: 'x'.repeat(5000) })
		],
		['no teacher key', () => json('POST', `/rooms/${room.code}/poll`, { question: 'Q', options })],
		['wrong teacher key', () => json('POST', `/rooms/${room.code}/poll/close`, {}, 'guess')],
		['closed poll', () => json('POST', `/rooms/${room.code}/votes`, { ...good, pollId: poll.id })]
	];
	let all4xx = true;
	for (const [name, send] of bad) {
		const status = (await send()).status;
		if (status < 400 || status >= 500) {
			all4xx = false;
			console.log(`  ${name}: ${status}`);
		}
	}
	const unchanged =
		(await (await json('GET', `/rooms/${room.code}/results`)).json()).total === before;
	report(
		'poll bad inputs answered 4xx',
		all4xx ? `${bad.length}/${bad.length}` : 'no',
		'',
		'all',
		all4xx
	);
	report('poll bad inputs counted', unchanged ? 0 : 'some', 'votes', '0', unchanged);

	// 4. 300 phones follow the teacher through 20 slide changes.
	const steps = JSON.parse(readFileSync('.server/deck.json', 'utf8')).slides.map((s) => s.id);
	const followers = Array.from({ length: FOLLOWERS }, () => follower(room.code));
	await Promise.all(followers.map((f) => f.ready));
	const fanout = [];
	let missed = 0;
	for (let i = 0; i < SLIDE_CHANGES; i++) {
		const step = steps[(i * 7 + 3) % steps.length];
		const t0 = performance.now();
		const seen = Promise.all(followers.map((f) => f.wait(step, 5000)));
		await json('POST', `/rooms/${room.code}/slide`, { step }, room.teacherKey);
		const at = await seen;
		if (at.some((t) => t === null)) missed++;
		else fanout.push(Math.max(...at) - t0);
		await sleep(250);
	}
	for (const f of followers) f.stop();
	fanout.sort((x, y) => x - y);
	const slideP95 = quantile(fanout, 0.95) ?? Infinity;
	report('slide fan-out to 300 phones p50', quantile(fanout, 0.5)?.toFixed(1), 'ms');
	report(
		'slide fan-out to 300 phones p95',
		slideP95.toFixed(1),
		'ms',
		`<= ${BUDGET_SLIDE_P95_MS} ms`,
		slideP95 <= BUDGET_SLIDE_P95_MS
	);
	report('slide changes some phone missed', missed, '', '0', missed === 0);
} finally {
	server.kill('SIGKILL');
	await sleep(200);
	rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length) {
	console.log(`over budget: ${failures.join(', ')}`);
	process.exitCode = 1;
}
