/**
 * Writing ballots with group commit: ballots that arrive while a commit is under way wait and are
 * written together in the next transaction, so a class voting at once pays for one disk flush per
 * batch rather than one per phone. Each ballot is answered only after its batch has committed.
 */
import type { Db } from './db';

export interface BallotRow {
	option: string;
	n: number;
	mine: boolean;
}

/**
 * One ballot in one statement: the write (only while the poll is open, so a close that lands
 * first wins), the NOTIFY (delivered at commit) and the tally. The tally reads the snapshot from
 * before the write, so it leaves this voter's old ballot out and adds the new one from `ins`.
 */
export const BALLOT_SQL = `with ins as (
	insert into votes (poll_id, voter, option)
	select $1, $2, $3 from polls where id = $1 and open and pg_notify($4, $5) is not null
	on conflict (poll_id, voter) do update set option = excluded.option, at = now()
	returning option
)
select option, count(*)::int as n, false as mine from votes
	where poll_id = $1 and voter <> $2 group by option
union all select option, 1, true from ins`;

interface Pending {
	params: unknown[];
	done: (rows: BallotRow[]) => void;
	fail: (e: unknown) => void;
}

export class Ballots {
	private queue: Pending[] = [];
	private flushing = false;

	constructor(private readonly db: Db) {}

	/** Params of BALLOT_SQL: poll id, voter, option, NOTIFY channel, room code. */
	cast(params: unknown[]): Promise<BallotRow[]> {
		return new Promise((done, fail) => {
			this.queue.push({ params, done, fail });
			if (!this.flushing) void this.flush();
		});
	}

	private async flush() {
		this.flushing = true;
		while (this.queue.length) {
			const batch = this.queue.splice(0, 200);
			try {
				// A lone ballot commits by itself: no BEGIN and COMMIT round trips around it.
				const out =
					batch.length === 1
						? [(await this.db.query<BallotRow>(BALLOT_SQL, batch[0]!.params)).rows]
						: await this.db.transaction(async (tx) => {
								const rows: BallotRow[][] = [];
								for (const b of batch)
									rows.push((await tx.query<BallotRow>(BALLOT_SQL, b.params)).rows);
								return rows;
							});
				batch.forEach((b, i) => b.done(out[i]!));
			} catch (e) {
				for (const b of batch) b.fail(e);
			}
		}
		this.flushing = false;
	}
}
