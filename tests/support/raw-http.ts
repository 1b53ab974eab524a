/**
 * HTTP over a bare socket, for requests no HTTP client would send: broken request lines, bodies
 * that stall or stop, streams cut at any moment. Each shot opens its own connection and reads only
 * the status line of the first answer.
 */
import { connect, type Socket } from 'node:net';

export interface Shot {
	/** Which family of hostile request this is, for the tally. */
	kind: string;
	/** Writes the request, in one go or bit by bit; may cut the connection itself. */
	write(socket: Socket, answered: Promise<number | null>): Promise<void> | void;
	/** The client cuts the connection before any answer is due: none is awaited. */
	cut?: boolean;
}

export interface Outcome {
	/** The status of the first answer, or null when none came before the connection closed. */
	status: number | null;
	/** No answer and no close within the wait. */
	timedOut: boolean;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fires one shot at 127.0.0.1:port and waits (at most `waitMs`) for its answer or its close. */
export function fire(port: number, shot: Shot, waitMs = 10_000): Promise<Outcome> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.on('error', () => {});
		let head = '';
		let status: number | null = null;
		let settle: (s: number | null) => void = () => {};
		const answered = new Promise<number | null>((r) => (settle = r));
		const finish = (timedOut: boolean) => {
			clearTimeout(timer);
			settle(status);
			socket.destroy();
			resolve({ status, timedOut });
		};
		const timer = setTimeout(() => finish(true), waitMs);
		socket.on('data', (chunk: Buffer) => {
			if (status !== null) return;
			head += chunk.toString('latin1');
			let line = /^HTTP\/1\.[01] (\d{3})/.exec(head);
			// An interim answer (100 Continue) is not the answer: skip it whole.
			while (line && line[1]!.startsWith('1')) {
				const end = head.indexOf('\r\n\r\n');
				if (end < 0) return;
				head = head.slice(end + 4);
				line = /^HTTP\/1\.[01] (\d{3})/.exec(head);
			}
			if (!line && head.length === 0) return;
			if (line) {
				status = Number(line[1]);
				settle(status);
				// A stream shot may want to read on and cut it later; every other shot is done.
				if (!shot.cut) finish(false);
			} else if (head.length > 64 || head.includes('\r\n')) {
				status = -1; // an answer that is not HTTP at all
				finish(false);
			}
		});
		socket.on('close', () => finish(false));
		socket.once('connect', () => {
			void Promise.resolve(shot.write(socket, answered)).catch(() => socket.destroy());
		});
	});
}

/** Runs `shots` with at most `concurrency` connections open at once. */
export async function fireAll(
	port: number,
	shots: Shot[],
	concurrency: number,
	waitMs?: number
): Promise<{ shot: Shot; outcome: Outcome }[]> {
	const results: { shot: Shot; outcome: Outcome }[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < shots.length) {
				const shot = shots[next++]!;
				results.push({ shot, outcome: await fire(port, shot, waitMs) });
			}
		})
	);
	return results;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated exactly. */
export function seeded(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
		bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)))
	};
}

export const writeAll = (socket: Socket, data: string | Buffer) =>
	new Promise<void>((done) => {
		if (socket.destroyed) return done();
		socket.write(data, () => done());
	});
