/**
 * The server's limits, sized so that a class of 300 behind one school address never meets them
 * while one script hammering a room or holding streams open does: each voter id may vote a few
 * times a second, each room takes a steady stream of ballots, wrong room codes from one address
 * are slowed to a trickle, and live streams are capped per address, per room and per process.
 */
import { Buckets } from '../lib/poll/model';

export interface StreamCaps {
	/** One address: a school's NAT with several classes on it, per process. */
	perAddress: number;
	/** One room: a class of 300 with its projector and speaker view, and room to spare. */
	perRoom: number;
	/** The whole process. */
	perProcess: number;
}

export interface Limits {
	perAddress: Buckets;
	perVoter: Buckets;
	perRoom: Buckets;
	newRooms: Buckets;
	wrongCodes: Buckets;
	streams: StreamCaps;
}

export function defaultLimits(): Limits {
	return {
		perAddress: new Buckets(3000, 300),
		perVoter: new Buckets(10, 2),
		perRoom: new Buckets(1500, 150),
		newRooms: new Buckets(60, 1),
		wrongCodes: new Buckets(60, 1),
		streams: { perAddress: 2000, perRoom: 1000, perProcess: 5000 }
	};
}

/** Drops every bucket that has refilled: it holds nothing a fresh bucket would not. */
export function sweepLimits(limits: Limits, now: number) {
	for (const b of [
		limits.perAddress,
		limits.perVoter,
		limits.perRoom,
		limits.newRooms,
		limits.wrongCodes
	])
		b.sweep(now);
}
