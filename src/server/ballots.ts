/**
 * Writing ballots with group commit: ballots that arrive while a write is under way wait and are
 * written together by the next one, so a class voting at once pays for one statement and one disk
 * flush per batch rather than one per phone. Each ballot is answered only after its batch has
 * committed.
 *
 * A batch is one statement, not one per ballot inside a transaction: on a busy machine every
 * round trip between this process and the database waits for both to be scheduled, and a district
 * voting through two processes queued for seconds behind those waits while the database sat idle.
 */
import type { Db } from './db';

export interface BallotRow {
	option: string;
	n: number;
	mine: boolean;
}

/**
 * Params: poll ids, voters, options and room codes (one array each, a ballot per index), and the
 * NOTIFY channel. Only ballots for an open poll are written, so a close that lands first wins; a
 * voter twice in one batch has the later ballot written. Answers each poll's tally after the batch
 * (`kind` 'n') and each ballot written (`kind` 'mine'). The tally reads the snapshot from before
 * the write, so it leaves out the old ballots of this batch's voters and adds the new ones.
 */
export const BATCH_SQL = `with b as (
	select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
		with ordinality as b(poll_id, voter, option, room, i)
), latest as (
	select distinct on (poll_id, voter) poll_id, voter, option, room from b
	order by poll_id, voter, i desc
), ins as (
	insert into votes (poll_id, voter, option)
	select l.poll_id, l.voter, l.option from latest l join polls p on p.id = l.poll_id
	where p.open and pg_notify($5, l.room) is not null
	on conflict (poll_id, voter) do update set option = excluded.option, at = now()
	returning poll_id, voter, option
)
select 'n' as kind, poll_id, option, count(*)::int as n, null::text as voter from (
	select v.poll_id, v.option from votes v
	where v.poll_id = any($1::text[])
		and not exists (select 1 from ins where ins.poll_id = v.poll_id and ins.voter = v.voter)
	union all select poll_id, option from ins
) t group by poll_id, option
union all select 'mine', poll_id, option, 0, voter from ins`;

interface BatchRow {
	kind: 'n' | 'mine';
	poll_id: string;
	option: string;
	n: number;
	voter: string | null;
}

interface Pending {
	pollId: string;
	voter: string;
	option: string;
	room: string;
	done: (rows: BallotRow[]) => void;
	fail: (e: unknown) => void;
}

export class Ballots {
	private queue: Pending[] = [];
	private flushing = false;

	constructor(
		private readonly db: Db,
		private readonly channel: string
	) {}

	/**
	 * One ballot: its poll's tally after it (rows with `mine: false`), and a row with `mine: true`
	 * if it was written (none if the poll was closed).
	 */
	cast(pollId: string, voter: string, option: string, room: string): Promise<BallotRow[]> {
		return new Promise((done, fail) => {
			this.queue.push({ pollId, voter, option, room, done, fail });
			if (!this.flushing) void this.flush();
		});
	}

	private async flush() {
		this.flushing = true;
		while (this.queue.length) {
			const batch = this.queue.splice(0, 200);
			try {
				const { rows } = await this.db.query<BatchRow>(BATCH_SQL, [
					batch.map((b) => b.pollId),
					batch.map((b) => b.voter),
					batch.map((b) => b.option),
					batch.map((b) => b.room),
					this.channel
				]);
				const tallies = new Map<string, BallotRow[]>();
				const written = new Set<string>();
				for (const r of rows) {
					if (r.kind === 'mine') written.add(`${r.poll_id}\n${r.voter}`);
					else {
						const tally = tallies.get(r.poll_id) ?? [];
						tally.push({ option: r.option, n: r.n, mine: false });
						tallies.set(r.poll_id, tally);
					}
				}
				for (const b of batch) {
					const tally = tallies.get(b.pollId) ?? [];
					const mine = written.has(`${b.pollId}\n${b.voter}`);
					b.done(mine ? [...tally, { option: b.option, n: 0, mine: true }] : tally);
				}
			} catch (e) {
				for (const b of batch) b.fail(e);
			}
		}
		this.flushing = false;
	}
}
