// A district on one database (`npm run bench:poll -- --district`, after `npm run build`): two
// `npm start` processes on one PostgreSQL, ten rooms of 300 voters, each room from its own
// loopback address (127.0.1.1 to 127.0.1.10, as ten schools behind their own NATs), every voter
// holding a live stream of its own (3,000 streams) and voting once within 10 s. A voter's stream
// is on one process and its vote goes to the other, so every update crosses processes through
// LISTEN/NOTIFY. HTTP is undici's, one connection pool per school bound to that school's address.
//
// PostgreSQL: DATABASE_URL, or else a throwaway cluster from /usr/lib/postgresql/*/bin.
// Prints one `name: value unit (budget)` line per figure and exits non-zero on a miss.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Agent } from 'undici';

const PORT = Number(process.env.POLL_BENCH_PORT ?? 3303);
const PROCESSES = 2;
const ROOMS = 10;
const VOTERS = 300;
const WINDOW_MS = 10_000;
const BUDGET = { voteP95: 100, fanoutP95: 1000, rssMb: 300 };
const OPTIONS = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() }));

const failures = [];
const report = (name, value, unit, budget, ok) => {
	console.log(
		`${name}: ${value}${unit ? ` ${unit}` : ''}${budget ? ` (budget ${budget})` : ''}${ok === false ? '  FAIL' : ''}`
	);
	if (ok === false) failures.push(name);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const voterId = () => randomBytes(12).toString('base64url');

/** A throwaway PostgreSQL when DATABASE_URL is not given: initdb in /tmp, on PORT + 10. */
function ownPostgres() {
	const root = '/usr/lib/postgresql';
	const version = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(join(root, v, 'bin/initdb')))
				.sort((a, b) => Number(a) - Number(b))
				.pop()
		: undefined;
	if (!version) throw new Error('set DATABASE_URL, or install PostgreSQL (Debian: postgresql)');
	const bin = join(root, version, 'bin');
	const dir = mkdtempSync(join(tmpdir(), 'poll-district-pg-'));
	const port = PORT + 10;
	// PostgreSQL will not run as root; as root, its own user runs it.
	const asRoot = process.getuid?.() === 0;
	const run = (cmd, args) =>
		asRoot
			? execFileSync('su', [
					'postgres',
					'-s',
					'/bin/sh',
					'-c',
					[cmd, ...args].map((a) => `'${a}'`).join(' ')
				])
			: execFileSync(cmd, args);
	if (asRoot) {
		const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString());
		chownSync(dir, id('-u'), id('-g'));
	}
	run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
	run(join(bin, 'pg_ctl'), [
		'-D',
		join(dir, 'data'),
		'-l',
		join(dir, 'log'),
		'-w',
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`,
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

function startServer(port, databaseUrl) {
	const profile = process.env.POLL_BENCH_PROFILE;
	return spawn(
		process.execPath,
		[...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '.server/main.js'],
		{
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_URL: databaseUrl,
				// Each school is its own socket address; nothing stands in front of these processes.
				TRUST_PROXY: ''
			},
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
}

async function ready(base) {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await sleep(250);
	}
	throw new Error(`${base} did not start within 150 s`);
}

/** VmRSS and VmHWM (its peak) of a process, in MB. */
function memory(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function call(dispatcher, base, method, path, body, key) {
	const res = await dispatcher.request({
		origin: base,
		path: `/api${path}`,
		method,
		headers: {
			'content-type': 'application/json',
			...(key ? { authorization: `Bearer ${key}` } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await res.body.text();
	return { status: res.statusCode, json: text ? JSON.parse(text) : null };
}

/**
 * A voter's live stream: every `results` event's total, with the time it arrived. Resolves once
 * the snapshot is in.
 */
function openStream(dispatcher, base, code) {
	const seen = [];
	const state = { seen, last: null, closed: false, close: () => {} };
	return new Promise((resolve, reject) => {
		const ac = new AbortController();
		state.close = () => ac.abort();
		dispatcher
			.request({
				origin: base,
				path: `/api/rooms/${code}/events`,
				method: 'GET',
				signal: ac.signal
			})
			.then((res) => {
				if (res.statusCode !== 200) {
					reject(new Error(`stream answered ${res.statusCode}`));
					return res.body.dump();
				}
				let buffer = '';
				res.body.setEncoding('utf8');
				res.body.on('data', (chunk) => {
					buffer += chunk;
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						const at = block.indexOf('event: results\ndata: ');
						if (at < 0) continue;
						const results = JSON.parse(block.slice(at + 21));
						const first = state.last === null;
						state.last = results;
						seen.push([performance.now(), results.total]);
						if (first) resolve(state);
					}
				});
				res.body.on('error', () => {});
				res.body.on('close', () => (state.closed = true));
			}, reject);
	});
}

const pg = process.env.DATABASE_URL ? null : ownPostgres();
const databaseUrl = process.env.DATABASE_URL || pg.url;
const bases = Array.from({ length: PROCESSES }, (_, i) => `http://127.0.0.1:${PORT + i}`);
const servers = bases.map((_, i) => startServer(PORT + i, databaseUrl));
const schools = Array.from({ length: ROOMS }, (_, i) => {
	const localAddress = `127.0.1.${i + 1}`;
	// Streams and votes in pools of their own: a stream holds its connection for the whole lesson.
	return {
		localAddress,
		streams: new Agent({ connect: { localAddress }, keepAliveTimeout: 60_000 }),
		votes: new Agent({ connect: { localAddress }, keepAliveTimeout: 60_000 })
	};
});
const teacher = new Agent();
try {
	await Promise.all(bases.map(ready));
	console.log(`district: ${PROCESSES} processes on PostgreSQL, ${ROOMS} rooms x ${VOTERS} voters`);

	// Each teacher opens a room and a poll through one process or the other.
	const rooms = [];
	for (let r = 0; r < ROOMS; r++) {
		const base = bases[r % PROCESSES];
		const room = (await call(teacher, base, 'POST', '/rooms', {})).json;
		const poll = (
			await call(
				teacher,
				base,
				'POST',
				`/rooms/${room.code}/poll`,
				{ question: 'Q', options: OPTIONS },
				room.teacherKey
			)
		).json;
		rooms.push({ code: room.code, pollId: poll.id, school: schools[r] });
	}

	// 3,000 streams, each voter's own, half on each process; opened a school at a time.
	const t0 = performance.now();
	for (const room of rooms) {
		room.voters = await Promise.all(
			Array.from({ length: VOTERS }, async (_, v) => ({
				id: voterId(),
				option: OPTIONS[v % OPTIONS.length].id,
				streamOn: v % PROCESSES,
				stream: await openStream(room.school.streams, bases[v % PROCESSES], room.code)
			}))
		);
	}
	report('district streams open', ROOMS * VOTERS, 'streams', `${ROOMS * VOTERS}`, true);
	report('district streams opened in', ((performance.now() - t0) / 1000).toFixed(1), 's');
	const idle = servers.map((s) => memory(s.pid));

	// Every voter votes once at a random moment within 10 s, through the process its stream is not on.
	const votes = [];
	await Promise.all(
		rooms.flatMap((room) =>
			room.voters.map(async (voter) => {
				await sleep(Math.random() * WINDOW_MS);
				const sent = performance.now();
				let outcome;
				try {
					outcome = await call(
						room.school.votes,
						bases[(voter.streamOn + 1) % PROCESSES],
						'POST',
						`/rooms/${room.code}/votes`,
						{ pollId: room.pollId, option: voter.option, voter: voter.id }
					);
				} catch (e) {
					outcome = { status: 0, json: { error: e.message } };
				}
				votes.push({ room, voter, sent, took: performance.now() - sent, ...outcome });
			})
		)
	);
	const acked = votes.filter((v) => v.status === 200);
	const latencies = votes.map((v) => v.took).sort((a, b) => a - b);
	const voteP95 = quantile(latencies, 0.95);
	report('district vote latency p50', quantile(latencies, 0.5).toFixed(1), 'ms');
	report(
		'district vote latency p95',
		voteP95.toFixed(1),
		'ms',
		`<= ${BUDGET.voteP95} ms`,
		voteP95 <= BUDGET.voteP95
	);
	report('district vote latency p99', quantile(latencies, 0.99).toFixed(1), 'ms');
	report('district vote latency max', latencies.at(-1).toFixed(1), 'ms');
	const refusals = {};
	for (const v of votes) if (v.status !== 200) refusals[v.status] = (refusals[v.status] ?? 0) + 1;
	report(
		'district votes acknowledged',
		`${acked.length}/${votes.length}`,
		'votes',
		`${ROOMS * VOTERS}/${ROOMS * VOTERS}`,
		acked.length === ROOMS * VOTERS
	);
	if (acked.length !== votes.length) {
		const why = new Map();
		for (const v of votes)
			if (v.status !== 200) why.set(v.json?.error, (why.get(v.json?.error) ?? 0) + 1);
		console.log(`  refused: ${JSON.stringify(refusals)}; ${JSON.stringify([...why].slice(0, 3))}`);
	}

	// Wait (bounded) for every stream to show its room's final total.
	const settled = performance.now();
	const finals = new Map(rooms.map((room) => [room, acked.filter((v) => v.room === room).length]));
	while (performance.now() - settled < 10_000) {
		const behind = rooms.some((room) =>
			room.voters.some((v) => (v.stream.last?.total ?? -1) < finals.get(room))
		);
		if (!behind) break;
		await sleep(100);
	}
	const loaded = servers.map((s) => memory(s.pid));

	// Fan-out: for each vote, the first moment every stream of its room had a total at least the
	// one the vote was acknowledged with (the vote's own commit included), less the moment it was sent.
	const fanouts = [];
	let unseen = 0;
	for (const room of rooms) {
		const lastReach = new Array(VOTERS + 2).fill(0);
		for (const { stream } of room.voters) {
			let t = 1;
			for (const [at, total] of stream.seen) {
				for (; t <= total && t < lastReach.length; t++) lastReach[t] = Math.max(lastReach[t], at);
			}
			for (; t < lastReach.length; t++) lastReach[t] = Infinity;
		}
		for (const v of acked.filter((x) => x.room === room)) {
			const reach = lastReach[Math.min(v.json.total, VOTERS + 1)];
			if (reach === Infinity) unseen++;
			else fanouts.push(Math.max(0, reach - v.sent));
		}
	}
	fanouts.sort((a, b) => a - b);
	const fanP95 = fanouts.length ? quantile(fanouts, 0.95) : Infinity;
	report('district vote to last stream p50', quantile(fanouts, 0.5)?.toFixed(0) ?? '-', 'ms');
	report(
		'district vote to last stream p95',
		fanP95.toFixed(0),
		'ms',
		`<= ${BUDGET.fanoutP95} ms`,
		fanP95 <= BUDGET.fanoutP95 && unseen === 0
	);
	if (unseen)
		console.log(`  ${unseen} acknowledged votes never reached every stream of their room`);

	// The counts: the database through each process against the acknowledged ballots, and every
	// stream's last total against its room's.
	let lost = 0;
	let mismatched = 0;
	for (const room of rooms) {
		const expected = Object.fromEntries(OPTIONS.map((o) => [o.id, 0]));
		for (const v of acked) if (v.room === room) expected[v.voter.option]++;
		for (const base of bases) {
			const results = (await call(teacher, base, 'GET', `/rooms/${room.code}/results`)).json;
			for (const o of OPTIONS) {
				lost += Math.max(0, expected[o.id] - (results.counts[o.id] ?? 0));
				if (results.counts[o.id] !== expected[o.id]) mismatched++;
			}
		}
	}
	const streamsBehind = rooms.reduce(
		(n, room) => n + room.voters.filter((v) => v.stream.last?.total !== finals.get(room)).length,
		0
	);
	const streamsClosed = rooms.reduce(
		(n, room) => n + room.voters.filter((v) => v.stream.closed).length,
		0
	);
	report('district votes lost', lost, 'votes', '0', lost === 0);
	report(
		'district count check',
		mismatched === 0 ? 'ok' : `${mismatched} counts differ`,
		'',
		'ok on both processes',
		mismatched === 0
	);
	report(
		'district streams showing the final count',
		`${ROOMS * VOTERS - streamsBehind}/${ROOMS * VOTERS}`,
		'streams',
		'all',
		streamsBehind === 0 && streamsClosed === 0
	);
	servers.forEach((s, i) => {
		const { rss, peak } = loaded[i];
		report(
			`district process ${i + 1} resident memory, idle with its streams`,
			idle[i].rss.toFixed(0),
			'MB'
		);
		report(`district process ${i + 1} resident memory after the votes`, rss.toFixed(0), 'MB');
		report(
			`district process ${i + 1} resident memory peak`,
			peak.toFixed(0),
			'MB',
			`<= ${BUDGET.rssMb} MB`,
			peak <= BUDGET.rssMb
		);
	});
	for (const room of rooms) for (const v of room.voters) v.stream.close();
} finally {
	for (const s of servers) s.kill('SIGTERM');
	await Promise.all(
		servers.map((s) => new Promise((r) => (s.exitCode === null ? s.on('exit', r) : r())))
	);
	await Promise.all(
		[teacher, ...schools.flatMap((s) => [s.streams, s.votes])].map((a) => a.destroy())
	);
	pg?.stop();
}
if (failures.length) {
	console.log(`over budget: ${failures.join(', ')}`);
	process.exitCode = 1;
}
