/**
 * Server-Sent Events for each room. Every process keeps only its own listeners; a NOTIFY from the
 * database (sent by whichever process took the vote) tells it to read the room's tally once and
 * push it to all of them. Bursts of votes collapse into one read per room at a time.
 */
import type { ServerResponse } from 'node:http';
import type { Results } from '../lib/poll/model';
import type { Store } from './store';

interface Room {
	clients: Set<ServerResponse>;
	/** A read is under way; `again` asks for one more when it ends. */
	busy: boolean;
	again: boolean;
	seq: number;
	last?: Results;
}

const pollOf = (r: Results) => ({
	pollId: r.pollId,
	question: r.question,
	options: r.options,
	open: r.open
});

export class Events {
	private readonly rooms = new Map<string, Room>();
	private readonly heartbeat: NodeJS.Timeout;
	private total = 0;

	constructor(
		private readonly store: Store,
		private readonly maxStreams = 5000
	) {
		// A comment line every 20 s keeps proxies and school firewalls from closing a quiet stream.
		this.heartbeat = setInterval(() => {
			for (const room of this.rooms.values())
				for (const res of room.clients) res.write(': still here\n\n');
		}, 20_000);
		this.heartbeat.unref();
	}

	get count() {
		return this.total;
	}

	/** Opens a stream and sends the room as it is now: a reconnecting client is resynced at once. */
	async subscribe(code: string, res: ServerResponse): Promise<boolean> {
		if (this.total >= this.maxStreams) return false;
		const snapshot = await this.store.results(code);
		res.writeHead(200, {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-store',
			Connection: 'keep-alive',
			'X-Accel-Buffering': 'no'
		});
		let room = this.rooms.get(code);
		if (!room) {
			room = { clients: new Set(), busy: false, again: false, seq: 0 };
			this.rooms.set(code, room);
		}
		room.clients.add(res);
		this.total++;
		res.write('retry: 2000\n\n');
		this.write(res, ++room.seq, 'poll', pollOf(snapshot));
		this.write(res, room.seq, 'results', snapshot);
		res.on('close', () => {
			const r = this.rooms.get(code);
			if (!r?.clients.delete(res)) return;
			this.total--;
			if (!r.clients.size) this.rooms.delete(code);
		});
		return true;
	}

	private write(res: ServerResponse, id: number, event: string, data: unknown) {
		res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
	}

	/** Called for every NOTIFY: something in room `code` changed. */
	changed(code: string) {
		const room = this.rooms.get(code);
		if (!room) return;
		if (room.busy) {
			room.again = true;
			return;
		}
		room.busy = true;
		void this.push(code, room);
	}

	private async push(code: string, room: Room) {
		try {
			do {
				room.again = false;
				const now = await this.store.results(code);
				const before = room.last;
				room.last = now;
				const id = ++room.seq;
				const pollChanged = !before || before.pollId !== now.pollId || before.open !== now.open;
				for (const res of room.clients) {
					if (pollChanged) this.write(res, id, 'poll', pollOf(now));
					this.write(res, id, 'results', now);
				}
				// Under a burst of votes, one read every 150 ms is plenty for a "within a second" update,
				// and leaves the database to the votes themselves.
				if (room.again) await new Promise((r) => setTimeout(r, 150));
			} while (room.again && room.clients.size);
		} catch (e) {
			console.error('events:', (e as Error).message);
		} finally {
			room.busy = false;
		}
	}

	close() {
		clearInterval(this.heartbeat);
		for (const room of this.rooms.values()) for (const res of room.clients) res.end();
		this.rooms.clear();
		this.total = 0;
	}
}
