/**
 * The slide the class is on, and how it moves: the teacher's projector posts each step it shows,
 * and the room's event stream carries it to every phone as `event: slide`. The state lives in the
 * database and travels on the poll's NOTIFY channel, so every process on one PostgreSQL hears a
 * change made on any of them. Only ids travel: the words and the still come from the built site.
 *
 * In student-paced rooms each phone reports the chapter it is reading, and the teacher reads the
 * counts per chapter.
 */
import { CHANNEL, type Db } from './db';
import type { Pacing, SlideState } from '../lib/poll/slide-model';

/** A NOTIFY payload that starts with this carries a slide change, not a room's new votes. */
export const SLIDE_NOTICE = 'slide ';

/** The deck as the server knows it: each slide's id and its chapter's, in order. */
export interface DeckIds {
	slides: { id: string; chapter: string }[];
}

/** A phone that has not reported its chapter for this long is no longer counted. */
export const READER_TTL_MINUTES = 5;

const asPacing = (v: unknown): Pacing => (v === 'student' ? 'student' : 'teacher');

export class Slides {
	constructor(private readonly db: Db) {}

	async get(code: string): Promise<SlideState> {
		const { rows } = await this.db.query<{ step: string | null; pacing: string }>(
			'select step, pacing from room_slides where room = $1',
			[code]
		);
		return rows[0]
			? { step: rows[0].step, pacing: asPacing(rows[0].pacing) }
			: { step: null, pacing: 'teacher' };
	}

	/**
	 * One statement writes the change and announces it with the row as it now is, so the notices
	 * arrive in commit order and each carries a state that was true: the last one heard is the
	 * last one written.
	 */
	private async write(code: string, upsert: string, value: string): Promise<SlideState> {
		const { rows } = await this.db.query<{ step: string | null; pacing: string }>(
			`with s as (${upsert} returning room, step, pacing)
			select s.step, s.pacing, pg_notify($3::text, '${SLIDE_NOTICE}' ||
				json_build_object('room', s.room, 'step', s.step, 'pacing', s.pacing)::text)
			from s`,
			[code, value, CHANNEL]
		);
		void this.db
			.query('update rooms set touched_at = now() where code = $1', [code])
			.catch(() => {});
		const row = rows[0]!;
		return { step: row.step, pacing: asPacing(row.pacing) };
	}

	setStep(code: string, step: string) {
		return this.write(
			code,
			`insert into room_slides (room, step) values ($1, $2::text)
			on conflict (room) do update set step = excluded.step, at = now()`,
			step
		);
	}

	setPacing(code: string, pacing: Pacing) {
		return this.write(
			code,
			`insert into room_slides (room, pacing) values ($1, $2::text)
			on conflict (room) do update set pacing = excluded.pacing, at = now()`,
			pacing
		);
	}

	/** Records (or moves) one phone's chapter. */
	async report(code: string, reader: string, chapter: string) {
		await this.db.query(
			`insert into room_readers (room, reader, chapter) values ($1, $2, $3)
			on conflict (room, reader) do update set chapter = excluded.chapter, at = now()`,
			[code, reader, chapter]
		);
	}

	/** How many phones are on each chapter, counting those heard from lately. */
	async chapters(code: string): Promise<{ counts: Record<string, number>; total: number }> {
		const { rows } = await this.db.query<{ chapter: string; n: number }>(
			`select chapter, count(*)::int as n from room_readers
			where room = $1 and at > now() - interval '${READER_TTL_MINUTES} minutes' group by chapter`,
			[code]
		);
		const counts: Record<string, number> = {};
		let total = 0;
		for (const r of rows) {
			counts[r.chapter] = r.n;
			total += r.n;
		}
		return { counts, total };
	}
}

/** The room and state a slide notice carries, or null when the payload is not one. */
export function readSlideNotice(payload: string): { room: string; state: SlideState } | null {
	if (!payload.startsWith(SLIDE_NOTICE)) return null;
	try {
		const v = JSON.parse(payload.slice(SLIDE_NOTICE.length));
		if (typeof v?.room !== 'string') return null;
		return {
			room: v.room,
			state: { step: typeof v.step === 'string' ? v.step : null, pacing: asPacing(v.pacing) }
		};
	} catch {
		return null;
	}
}
