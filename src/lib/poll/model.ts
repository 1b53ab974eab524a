/**
 * The class poll's rules, shared by the server and the browser: what a poll, a ballot and a tally
 * look like, and how a request body is checked. Pure functions, no I/O, so they are unit-tested
 * directly and both sides agree on every limit.
 */
import { MAX_LABEL, MAX_OPTIONS, MAX_QUESTION, type PollKind } from '$lib/content/poll-limits';
import type { RoomAnswers } from './answers';

export { MAX_LABEL, MAX_OPTIONS, MAX_QUESTION, type PollKind };

export interface PollOption {
	id: string;
	label: string;
}

export interface PollSpec {
	question: string;
	options: PollOption[];
	/** `choice` when absent; an open poll (`words`, `text`) has no options. */
	kind?: PollKind;
}

export interface Poll extends PollSpec {
	id: string;
	open: boolean;
}

export interface Results {
	pollId: string | null;
	question: string | null;
	options: PollOption[];
	open: boolean;
	counts: Record<string, number>;
	total: number;
	kind?: PollKind;
	/** An open poll's shown answers (the room's stream sends them as an `answers` event). */
	answers?: RoomAnswers;
}

/** Request bodies larger than this are refused before they are parsed. */
export const MAX_BODY_BYTES = 4096;

/**
 * Room codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, no vowels that
 * spell words), typeable on a phone keyboard. 28^6 is about 480 million codes.
 */
export const CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 6;

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const VOTER = /^[A-Za-z0-9_-]{16,64}$/;

/** A code made from random bytes; the bias of `% 28` on 0..255 is under 3% and harmless here. */
export function makeCode(bytes: Uint8Array): string {
	if (bytes.length < CODE_LENGTH) throw new Error('makeCode needs six random bytes');
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
	return code;
}

/** What a person types: any case, with spaces or a dash in the middle. Null if it cannot be a code. */
export function normaliseCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return null;
	for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
	return code;
}

/** The code as shown on the projector: two groups of three. */
export function displayCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string) => ({ ok: false, error }) as const;

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A poll written out in a request: a question and two to eight options with unique ids. */
export function checkPollSpec(body: unknown): Checked<PollSpec> {
	if (!isRecord(body)) return fail('the body must be a JSON object');
	const { question, options, kind } = body;
	if (typeof question !== 'string' || !question.trim()) return fail('question must be a string');
	if (question.length > MAX_QUESTION) return fail(`question is over ${MAX_QUESTION} characters`);
	if (kind !== undefined && kind !== 'choice' && kind !== 'words' && kind !== 'text')
		return fail('kind must be choice, words or text');
	if (kind === 'words' || kind === 'text') {
		if (options !== undefined && !(Array.isArray(options) && !options.length))
			return fail(`a ${kind} poll takes open answers, not options`);
		return { ok: true, value: { question: question.trim(), options: [], kind } };
	}
	if (!Array.isArray(options) || options.length < 2 || options.length > MAX_OPTIONS) {
		return fail(`options must be a list of 2 to ${MAX_OPTIONS} options`);
	}
	const seen = new Set<string>();
	const list: PollOption[] = [];
	for (const [i, o] of options.entries()) {
		if (!isRecord(o) || typeof o.id !== 'string' || typeof o.label !== 'string') {
			return fail(`options[${i}] must be { id, label }`);
		}
		if (!ID.test(o.id)) return fail(`options[${i}].id must be lowercase letters, digits, dashes`);
		if (!o.label.trim() || o.label.length > MAX_LABEL) {
			return fail(`options[${i}].label must be 1 to ${MAX_LABEL} characters`);
		}
		if (seen.has(o.id)) return fail(`options[${i}].id "${o.id}" is used twice`);
		seen.add(o.id);
		list.push({ id: o.id, label: o.label.trim() });
	}
	return { ok: true, value: { question: question.trim(), options: list } };
}

export interface Ballot {
	pollId: string;
	option: string;
	voter: string;
}

/** The shape of a vote; whether the poll is open and the option real is the database's to say. */
export function checkBallot(body: unknown): Checked<Ballot> {
	if (!isRecord(body)) return fail('the body must be a JSON object');
	const { pollId, option, voter } = body;
	if (typeof pollId !== 'string' || !pollId || pollId.length > 64) {
		return fail('pollId must be a string');
	}
	if (typeof option !== 'string' || !ID.test(option)) return fail('option must be an option id');
	if (typeof voter !== 'string' || !VOTER.test(voter)) {
		return fail('voter must be 16 to 64 letters, digits, dashes or underscores');
	}
	return { ok: true, value: { pollId, option, voter } };
}

/** Every option appears in the counts, with zero when no one chose it. */
export function tally(options: PollOption[], rows: { option: string; n: number }[]) {
	const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
	let total = 0;
	for (const { option, n } of rows) {
		if (!(option in counts)) continue;
		counts[option] = n;
		total += n;
	}
	return { counts, total };
}

/** Whole percentages for the bars' text; zero when no one has voted. */
export function percent(n: number, total: number): number {
	return total > 0 ? Math.round((n / total) * 100) : 0;
}

/** RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break. */
export function toCsv(rows: (string | number)[][]): string {
	const field = (v: string | number) => {
		const s = String(v);
		// A leading = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
		const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
		return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
	};
	return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * A token bucket: `burst` requests at once, then `perSecond`. Used per voter, per address and per
 * room, each with its own sizes. `now` is passed in so tests need no clock.
 */
export class Buckets {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		private readonly burst: number,
		private readonly perSecond: number,
		private readonly maxKeys = 50_000
	) {}

	take(key: string, now: number): boolean {
		let b = this.buckets.get(key);
		if (!b) {
			// Bounded memory: a flood of fresh keys evicts the oldest rather than growing forever.
			if (this.buckets.size >= this.maxKeys) {
				const oldest = this.buckets.keys().next().value;
				if (oldest !== undefined) this.buckets.delete(oldest);
			}
			b = { tokens: this.burst, at: now };
			this.buckets.set(key, b);
		}
		b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
		b.at = now;
		if (b.tokens < 1) return false;
		b.tokens -= 1;
		return true;
	}

	/** Drops buckets that have refilled completely: they hold no information. */
	sweep(now: number) {
		for (const [key, b] of this.buckets) {
			if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
		}
	}
}
