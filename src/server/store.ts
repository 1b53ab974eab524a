/**
 * The poll's data: rooms, polls and ballots, in SQL that PGlite and PostgreSQL both run. Every
 * write is one statement or one transaction, committed before it returns, and announced with
 * NOTIFY so that each server process can push fresh results to its own listeners.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AnswerBook } from './answers';
import { Ballots } from './ballots';
import { CHANNEL, type Db } from './db';
import {
	makeCode,
	tally,
	type Poll,
	type PollKind,
	type PollOption,
	type PollSpec,
	type Results
} from '../lib/poll/model';

/** A room with no teacher action and no vote for this long is deleted with all it holds. */
export const ROOM_IDLE_HOURS = 12;

/** How long a room seen in the database is taken to exist without asking again. */
const ALIVE_MS = 30_000;
/** A vote writes its room's touched_at at most this often, per room and process. */
const TOUCH_MS = 60_000;

/** jsonb arrives parsed from pg and as text from some PGlite paths; both become a list. */
const parseOptions = (v: PollOption[] | string): PollOption[] =>
	typeof v === 'string' ? JSON.parse(v) : v;

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export type VoteOutcome =
	| { ok: true; counts: Record<string, number>; total: number }
	| { ok: false; status: 404 | 409 | 400; error: string };

interface PollRow {
	id: string;
	question: string;
	options: PollOption[];
	open: boolean;
	kind: PollKind;
}

export class Store {
	/** Options never change after a poll is opened, so they are cached; whether it is open is not. */
	private readonly optionsCache = new Map<string, { room: string; options: PollOption[] }>();

	private readonly ballots: Ballots;
	/** Open answers (answers.ts). */
	readonly answers: AnswerBook;

	constructor(private readonly db: Db) {
		this.ballots = new Ballots(db, CHANNEL);
		this.answers = new AnswerBook(db);
	}

	private notify(code: string) {
		return this.db.query('select pg_notify($1, $2)', [CHANNEL, code]);
	}

	private live = `touched_at > now() - interval '${ROOM_IDLE_HOURS} hours'`;

	async createRoom(): Promise<{ code: string; teacherKey: string }> {
		const teacherKey = randomBytes(32).toString('base64url');
		// A clash with a live room is very unlikely; try again rather than hand out a shared code.
		for (let attempt = 0; attempt < 5; attempt++) {
			const code = makeCode(randomBytes(6));
			const { rows } = await this.db.query(
				'insert into rooms (code, key_hash) values ($1, $2) on conflict (code) do nothing returning code',
				[code, hash(teacherKey)]
			);
			if (rows.length) return { code, teacherKey };
		}
		throw new Error('could not find a free room code');
	}

	/** Rooms seen alive lately: a vote needs no extra query to learn its room exists. */
	private readonly alive = new Map<string, number>();
	private readonly touched = new Map<string, number>();

	async roomExists(code: string): Promise<boolean> {
		const seen = this.alive.get(code);
		if (seen && Date.now() - seen < ALIVE_MS) return true;
		const { rows } = await this.db.query(`select 1 from rooms where code = $1 and ${this.live}`, [
			code
		]);
		if (!rows.length) {
			this.alive.delete(code);
			return false;
		}
		this.alive.set(code, Date.now());
		return true;
	}

	/** Drops what the two maps above remember for longer than it is used. */
	forget(now: number) {
		for (const [code, at] of this.alive) if (now - at >= ALIVE_MS) this.alive.delete(code);
		for (const [code, at] of this.touched) if (now - at >= TOUCH_MS) this.touched.delete(code);
	}

	/** 'ok', or which of the two ways the key is wrong. */
	async checkKey(code: string, key: string | null): Promise<'ok' | 'no-room' | 'bad-key'> {
		const { rows } = await this.db.query<{ key_hash: string }>(
			`select key_hash from rooms where code = $1 and ${this.live}`,
			[code]
		);
		if (!rows[0]) return 'no-room';
		if (!key) return 'bad-key';
		const a = Buffer.from(rows[0].key_hash, 'hex');
		const b = Buffer.from(hash(key), 'hex');
		return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'bad-key';
	}

	/** Opens a poll and closes whichever was open, in one transaction. */
	async openPoll(code: string, spec: PollSpec): Promise<Poll> {
		const id = randomBytes(9).toString('base64url');
		await this.db.transaction(async (tx) => {
			await tx.query('update polls set open = false where room = $1 and open', [code]);
			await tx.query(
				'insert into polls (id, room, question, options, kind) values ($1, $2, $3, $4, $5)',
				[id, code, spec.question, JSON.stringify(spec.options), spec.kind ?? 'choice']
			);
			await tx.query('update rooms set touched_at = now() where code = $1', [code]);
		});
		await this.notify(code);
		return { id, ...spec, kind: spec.kind ?? 'choice', open: true };
	}

	async closePoll(code: string): Promise<void> {
		await this.db.query('update polls set open = false where room = $1 and open', [code]);
		await this.db.query('update rooms set touched_at = now() where code = $1', [code]);
		await this.notify(code);
	}

	private async options(pollId: string) {
		const hit = this.optionsCache.get(pollId);
		if (hit) return hit;
		const { rows } = await this.db.query<{ room: string; options: PollOption[] | string }>(
			'select room, options from polls where id = $1',
			[pollId]
		);
		if (!rows[0]) return undefined;
		const options = parseOptions(rows[0].options);
		const entry = { room: rows[0].room, options };
		if (this.optionsCache.size > 10_000) this.optionsCache.clear();
		this.optionsCache.set(pollId, entry);
		return entry;
	}

	/** Records (or replaces) one voter's ballot, only while the poll is open; returns the new tally. */
	async vote(code: string, pollId: string, option: string, voter: string): Promise<VoteOutcome> {
		const poll = await this.options(pollId);
		if (!poll || poll.room !== code)
			return { ok: false, status: 404, error: 'no such poll in this room' };
		if (!poll.options.some((o) => o.id === option)) {
			return { ok: false, status: 400, error: `unknown option "${option}"` };
		}
		const rows = await this.ballots.cast(pollId, voter, option, code);
		if (!rows.some((r) => r.mine)) return { ok: false, status: 409, error: 'this poll is closed' };
		const merged = new Map<string, number>();
		for (const r of rows) merged.set(r.option, (merged.get(r.option) ?? 0) + r.n);
		return {
			ok: true,
			...tally(
				poll.options,
				[...merged].map(([o, n]) => ({ option: o, n }))
			)
		};
	}

	private async counts(pollId: string, options: PollOption[]) {
		const { rows } = await this.db.query<{ option: string; n: number }>(
			'select option, count(*)::int as n from votes where poll_id = $1 group by option',
			[pollId]
		);
		return tally(options, rows);
	}

	/** The room's latest poll (open or closed) and its tally. */
	async results(code: string): Promise<Results> {
		const { rows } = await this.db.query<PollRow>(
			'select id, question, options, open, kind from polls where room = $1 order by opened_at desc limit 1',
			[code]
		);
		const row = rows[0];
		if (!row)
			return { pollId: null, question: null, options: [], open: false, counts: {}, total: 0 };
		const options = parseOptions(row.options);
		const base = {
			pollId: row.id,
			question: row.question,
			options,
			open: row.open,
			kind: row.kind
		};
		if (row.kind !== 'choice') {
			const answers = await this.answers.room(row.id, row.kind);
			return { ...base, counts: {}, total: answers.answers.length, answers };
		}
		return { ...base, ...(await this.counts(row.id, options)) };
	}

	/** Every poll of the room with its counts, oldest first, for the teacher's CSV. */
	async history(code: string) {
		const { rows } = await this.db.query<PollRow & { opened_at: Date | string }>(
			'select id, question, options, open, kind, opened_at from polls where room = $1 order by opened_at',
			[code]
		);
		const out = [];
		for (const row of rows) {
			const options = parseOptions(row.options);
			out.push({
				...row,
				options,
				opened: new Date(row.opened_at).toISOString(),
				...(await this.counts(row.id, options)),
				answers: row.kind === 'choice' ? [] : await this.answers.all(row.id)
			});
		}
		return out;
	}

	/** Deletes idle rooms (polls and ballots go with them). Returns how many. */
	async sweep(): Promise<number> {
		const { rows } = await this.db.query(
			`delete from rooms where touched_at <= now() - interval '${ROOM_IDLE_HOURS} hours' returning code`
		);
		return rows.length;
	}

	/** A vote keeps its room alive, at most one write a minute per room and process. */
	async touch(code: string) {
		const last = this.touched.get(code) ?? 0;
		if (Date.now() - last < TOUCH_MS) return;
		if (this.touched.size > 10_000) this.touched.clear();
		this.touched.set(code, Date.now());
		await this.db.query(
			`update rooms set touched_at = now() where code = $1 and touched_at < now() - interval '1 minute'`,
			[code]
		);
	}
}
