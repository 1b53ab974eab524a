/**
 * Open answers in the database: one per phone per poll, replaced while the poll is open (as a
 * ballot is), hidden or shown again by the teacher. The same SQL on PGlite and PostgreSQL; every
 * write NOTIFYs the room in the statement itself, so each process's streams hear it at commit.
 */
import { randomBytes } from 'node:crypto';
import type { PollKind } from '../lib/content/poll-limits';
import type { PublicAnswer, RoomAnswers, TeacherAnswer } from '../lib/poll/answers';
import { CHANNEL, type Queryable } from './db';

/**
 * Writes only while the poll is open and takes open answers, so a close that lands first wins.
 * A changed answer keeps its id, its place on the wall and the teacher's hiding.
 */
const UPSERT_SQL = `insert into answers (id, poll_id, voter, body)
	select $1, $2, $3, $4 from polls
	where id = $2 and room = $5 and open and kind <> 'choice' and pg_notify($6, $5) is not null
	on conflict (poll_id, voter) do update set body = excluded.body
	returning id`;

const HIDE_SQL = `update answers set hidden = $3
	where id = $1 and poll_id in (select id from polls where room = $2) and pg_notify($4, $2) is not null
	returning id`;

export type AnswerOutcome =
	{ ok: true; id: string } | { ok: false; status: 404 | 409 | 400; error: string };

interface Row {
	id: string;
	body: string;
	hidden: boolean;
}

export class AnswerBook {
	/** A poll's room and kind never change once it is opened. */
	private readonly kinds = new Map<string, { room: string; kind: PollKind }>();

	constructor(private readonly db: Queryable) {}

	async kindOf(pollId: string) {
		const hit = this.kinds.get(pollId);
		if (hit) return hit;
		const { rows } = await this.db.query<{ room: string; kind: PollKind }>(
			'select room, kind from polls where id = $1',
			[pollId]
		);
		if (!rows[0]) return undefined;
		if (this.kinds.size > 10_000) this.kinds.clear();
		this.kinds.set(pollId, rows[0]);
		return rows[0];
	}

	async submit(code: string, pollId: string, voter: string, text: string): Promise<AnswerOutcome> {
		const id = randomBytes(9).toString('base64url');
		const { rows } = await this.db.query<{ id: string }>(UPSERT_SQL, [
			id,
			pollId,
			voter,
			text,
			code,
			CHANNEL
		]);
		if (!rows[0]) return { ok: false, status: 409, error: 'this poll is closed' };
		return { ok: true, id: rows[0].id };
	}

	async hide(code: string, id: string, hidden: boolean): Promise<boolean> {
		const { rows } = await this.db.query(HIDE_SQL, [id, code, hidden, CHANNEL]);
		return rows.length > 0;
	}

	private rows(pollId: string) {
		return this.db
			.query<Row>('select id, body, hidden from answers where poll_id = $1 order by at, id', [
				pollId
			])
			.then((r) => r.rows);
	}

	/** What everyone may see: the shown answers, oldest first, and how many are hidden. */
	async room(pollId: string, kind: Exclude<PollKind, 'choice'>): Promise<RoomAnswers> {
		const rows = await this.rows(pollId);
		const answers: PublicAnswer[] = rows
			.filter((r) => !r.hidden)
			.map((r) => ({ id: r.id, text: r.body }));
		return { pollId, kind, answers, hidden: rows.length - answers.length };
	}

	/** Every answer, hidden ones marked: for the teacher. */
	async all(pollId: string): Promise<TeacherAnswer[]> {
		return (await this.rows(pollId)).map((r) => ({ id: r.id, text: r.body, hidden: r.hidden }));
	}
}
