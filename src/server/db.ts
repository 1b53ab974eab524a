/**
 * One database interface over two engines with the same SQL: PGlite (Postgres compiled to
 * WebAssembly, files in DATA_DIR, nothing to install) by default, or a PostgreSQL server when
 * DATABASE_URL is set. Changes are announced with NOTIFY, so every server process on one database
 * hears every room's votes, whichever process took them.
 */
import { mkdirSync } from 'node:fs';
import { ANSWERS_SCHEMA } from './answers-schema';
import { SLIDES_SCHEMA } from './slides-schema';

export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Calls `onPayload` for every NOTIFY on `channel`, from any process. Resolves once listening. */
	listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
	/** Whether the database answers a trivial query within a couple of seconds. */
	ping(): Promise<boolean>;
	close(): Promise<void>;
	readonly engine: 'pglite' | 'postgres';
}

export const CHANNEL = 'poll_changes';

const PING_MS = 2000;

/** `select 1` answered in time; false on an error or a stall, never a throw. */
async function ping(db: Queryable): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), PING_MS)));
	try {
		return await Promise.race([db.query('select 1').then(() => true), late]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

const SCHEMA = `
create table if not exists rooms (
	code text primary key,
	key_hash text not null,
	created_at timestamptz not null default now(),
	touched_at timestamptz not null default now()
);
create table if not exists polls (
	id text primary key,
	room text not null references rooms(code) on delete cascade,
	question text not null,
	options jsonb not null,
	open boolean not null default true,
	opened_at timestamptz not null default clock_timestamp()
);
create index if not exists polls_room on polls (room, opened_at desc);
create table if not exists votes (
	poll_id text not null references polls(id) on delete cascade,
	voter text not null,
	option text not null,
	at timestamptz not null default now(),
	primary key (poll_id, voter)
);
${ANSWERS_SCHEMA}`;

async function openPglite(dataDir: string): Promise<Db> {
	const { PGlite } = await import('@electric-sql/pglite');
	mkdirSync(dataDir, { recursive: true });
	// relaxedDurability stays off: every statement is written through to the files before it returns.
	const pg = new PGlite(dataDir);
	await pg.waitReady;
	const db: Db = {
		engine: 'pglite',
		query: (sql, params) => pg.query(sql, params),
		transaction: (fn) => pg.transaction((tx) => fn(tx)),
		async listen(channel, onPayload) {
			await pg.listen(channel, onPayload);
		},
		ping: () => ping(db),
		close: () => pg.close()
	};
	await pg.exec(SCHEMA + SLIDES_SCHEMA);
	return db;
}

async function openPostgres(url: string): Promise<Db> {
	const { default: pg } = await import('pg');
	const pool = new pg.Pool({ connectionString: url, max: 10 });
	// An idle client that loses its server must not take the process with it.
	pool.on('error', (e) => console.error('postgres pool:', e.message));
	const listeners: InstanceType<typeof pg.Client>[] = [];
	let closing = false;

	async function listenOn(channel: string, onPayload: (payload: string) => void) {
		const client = new pg.Client({ connectionString: url });
		listeners.push(client);
		client.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
		// A dropped LISTEN connection is opened again, so live updates resume after a restart.
		client.on('error', () => {
			const i = listeners.indexOf(client);
			if (i >= 0) listeners.splice(i, 1);
			client.end().catch(() => {});
			if (!closing) setTimeout(() => listenOn(channel, onPayload).catch(() => {}), 1000);
		});
		await client.connect();
		await client.query(`listen ${channel}`);
	}

	const db: Db = {
		engine: 'postgres',
		query: async <T>(sql: string, params?: unknown[]) =>
			(await pool.query(sql, params)) as unknown as { rows: T[] },
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('begin');
				const out = await fn({
					query: async <T>(sql: string, params?: unknown[]) =>
						(await client.query(sql, params)) as unknown as { rows: T[] }
				});
				await client.query('commit');
				return out;
			} catch (e) {
				await client.query('rollback').catch(() => {});
				throw e;
			} finally {
				client.release();
			}
		},
		listen: listenOn,
		ping: () => ping(db),
		async close() {
			closing = true;
			await Promise.all(listeners.map((c) => c.end().catch(() => {})));
			await pool.end();
		}
	};
	// Two processes starting at once must not race on CREATE TABLE: an advisory lock orders them.
	await db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock(160160)');
		await tx.query(SCHEMA + SLIDES_SCHEMA);
	});
	return db;
}

export function openDb(env: { DATABASE_URL?: string; DATA_DIR?: string }): Promise<Db> {
	return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.DATA_DIR ?? './data');
}
