/**
 * Server-Sent Events for each room. Every process keeps only its own listeners; a NOTIFY from the
 * database (sent by whichever process took the vote) tells it to read the room's tally once and
 * push it to all of them. Bursts of votes collapse into one read per room at a time.
 *
 * A stream holds its place from the moment it is asked for until its socket closes, and not a
 * moment longer: the place is taken before the room is read (so a burst of requests cannot slip
 * past the caps) and given back on the socket's close, even when that comes before the stream is
 * under way.
 */
import type { Results } from '../lib/poll/model';
import type { StreamCaps } from './limits';
import type { Store } from './store';

/** One open stream, as the HTTP layer gives it: bytes out, and an end. */
export interface Listener {
	send(chunk: Uint8Array): void;
	end(last?: Uint8Array): void;
}

interface Room {
	clients: Set<Listener>;
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
	open: r.open,
	kind: r.kind ?? 'choice'
});

const encoder = new TextEncoder();
const frame = (id: number, event: string, data: unknown) =>
	`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Why a stream was refused: which cap it met. */
export type Refusal = 'process' | 'room' | 'address';

/** A stream's place, taken by `reserve`: `release` gives it back, once, whatever happens. */
export interface Place {
	release(): void;
	readonly released: boolean;
}

export class Events {
	private readonly rooms = new Map<string, Room>();
	private readonly heartbeat: NodeJS.Timeout;
	private readonly perAddress = new Map<string, number>();
	private readonly perRoom = new Map<string, number>();
	private total = 0;
	private closed = false;

	constructor(
		private readonly store: Store,
		private readonly caps: StreamCaps
	) {
		// A comment line every 20 s keeps proxies and school firewalls from closing a quiet stream.
		const beat = encoder.encode(': still here\n\n');
		this.heartbeat = setInterval(() => {
			for (const room of this.rooms.values()) for (const l of room.clients) l.send(beat);
		}, 20_000);
		this.heartbeat.unref();
	}

	/** Streams whose sockets are open now, in this process. */
	get count() {
		return this.total;
	}

	/** Takes a place for a stream of `code` from `address`, or says which cap refused it. */
	reserve(code: string, address: string): Place | Refusal {
		if (this.total >= this.caps.perProcess) return 'process';
		if ((this.perRoom.get(code) ?? 0) >= this.caps.perRoom) return 'room';
		if ((this.perAddress.get(address) ?? 0) >= this.caps.perAddress) return 'address';
		this.total++;
		bump(this.perRoom, code, 1);
		bump(this.perAddress, address, 1);
		let released = false;
		return {
			get released() {
				return released;
			},
			release: () => {
				if (released) return;
				released = true;
				this.total--;
				bump(this.perRoom, code, -1);
				bump(this.perAddress, address, -1);
			}
		};
	}

	/**
	 * Sends the room as it is now (a reconnecting client is resynced at once) and adds the
	 * listener to the room. Returns the function that removes it; call it on close.
	 */
	attach(
		code: string,
		listener: Listener,
		snapshot: Results,
		extra: { event: string; data: unknown }[] = []
	): () => void {
		// A stream whose room was still being read when the drain began is told to retry at once,
		// rather than held open until the drain gives up on its socket.
		if (this.closed) {
			listener.end(encoder.encode(`retry: ${retryMs()}\n\n`));
			return () => {};
		}
		let room = this.rooms.get(code);
		if (!room) {
			room = { clients: new Set(), busy: false, again: false, seq: 0 };
			this.rooms.set(code, room);
		}
		room.clients.add(listener);
		const id = ++room.seq;
		listener.send(
			encoder.encode(
				`retry: 2000\n\n${frame(id, 'poll', pollOf(snapshot))}${resultFrames(id, snapshot)}` +
					extra.map((x) => frame(id, x.event, x.data)).join('')
			)
		);
		return () => {
			const r = this.rooms.get(code);
			if (!r?.clients.delete(listener)) return;
			if (!r.clients.size) this.rooms.delete(code);
		};
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
				// One encoding for the whole room, however many phones are listening.
				const chunk = encoder.encode(
					(pollChanged ? frame(id, 'poll', pollOf(now)) : '') + resultFrames(id, now)
				);
				for (const l of room.clients) l.send(chunk);
				// Under a burst of votes, one read every 150 ms is plenty for a "within a second" update,
				// and leaves the database to the votes themselves. A room of hundreds of phones waits a
				// little longer between updates (up to 500 ms): each one is a write to every socket.
				if (room.again) await new Promise((r) => setTimeout(r, gapMs(room.clients.size)));
			} while (room.again && room.clients.size);
		} catch (e) {
			console.error('events:', (e as Error).message);
		} finally {
			room.busy = false;
		}
	}

	/** One event to every stream of room `code` in this process (a slide change: no read needed). */
	broadcast(code: string, event: string, data: unknown) {
		if (event === 'slide') {
			// Remembered even with no stream open: one may be between its snapshot and `attach`.
			if (this.slides.size >= 10_000) this.slides.delete(this.slides.keys().next().value!);
			this.slides.delete(code);
			this.slides.set(code, { data });
		}
		const room = this.rooms.get(code);
		if (!room) return;
		const chunk = encoder.encode(frame(++room.seq, event, data));
		for (const l of room.clients) l.send(chunk);
	}

	/** The latest slide change this process heard for `code`: taken before a stream's snapshot. */
	private readonly slides = new Map<string, { data: unknown }>();
	slideMark(code: string): object | undefined {
		return this.slides.get(code);
	}

	/**
	 * A slide change heard after `mark` (while the snapshot was read) reached every stream but
	 * this one: it is sent now, before any later change, so the phone ends on the newest slide.
	 */
	catchUp(code: string, listener: Listener, mark: object | undefined) {
		const last = this.slides.get(code);
		const room = this.rooms.get(code);
		if (!last || last === mark || !room) return;
		listener.send(encoder.encode(frame(++room.seq, 'slide', last.data)));
	}

	/**
	 * Ends every stream with a `retry:` hint, spread over a second or two so that a class's phones
	 * do not all reconnect (to the other process, behind a proxy) in the same instant.
	 */
	close() {
		this.closed = true;
		clearInterval(this.heartbeat);
		for (const room of this.rooms.values())
			for (const l of room.clients) l.end(encoder.encode(`retry: ${retryMs()}\n\n`));
		this.rooms.clear();
	}
}

/** 150 ms for a projector and a few phones, 300 ms for a class of 150, 500 ms from 350. */
const gapMs = (listeners: number) => Math.min(500, 150 + listeners);

/** Between half a second and two: a class's phones come back spread out, not all at once. */
const retryMs = () => 500 + Math.floor(Math.random() * 1500);

function bump(map: Map<string, number>, key: string, by: number) {
	const n = (map.get(key) ?? 0) + by;
	if (n > 0) map.set(key, n);
	else map.delete(key);
}

/**
 * The tally as `results`; an open poll's shown answers as `answers` beside it, so a phone that
 * only votes never parses a wall of text. Hidden answers are never on the stream (the teacher
 * reads them from GET /answers).
 */
function resultFrames(id: number, r: Results): string {
	const { answers, ...tally } = r;
	return frame(id, 'results', tally) + (answers ? frame(id, 'answers', answers) : '');
}
