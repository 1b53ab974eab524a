/**
 * An open answer's rules, shared by the server and the phone: the shape of the request, and what
 * the text may hold. Whether the poll is open, and of which kind, is the database's to say; the
 * length for that kind is checked by `checkLength` once the kind is known.
 */
import { MAX_TEXT, MAX_WORDS, MAX_WORDS_CHARS, type PollKind } from '$lib/content/poll-limits';
import type { Checked } from './model';
import { splitWords } from './words';

export { MAX_TEXT, MAX_WORDS, MAX_WORDS_CHARS };

export interface AnswerBody {
	pollId: string;
	text: string;
	voter: string;
}

/** One answer as the projector and the students see it: no voter, nothing hidden. */
export interface PublicAnswer {
	id: string;
	text: string;
}

/** As the teacher sees it: hidden ones too, marked. */
export interface TeacherAnswer extends PublicAnswer {
	hidden: boolean;
}

/** What the room's stream carries for an open poll. */
export interface RoomAnswers {
	pollId: string;
	kind: Exclude<PollKind, 'choice'>;
	answers: PublicAnswer[];
	/** How many the teacher has hidden: the projector may say so without showing them. */
	hidden: number;
}

const VOTER = /^[A-Za-z0-9_-]{16,64}$/;
// Control characters (C0, DEL, C1) and the invisible marks that reorder or hide text.
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const fail = (error: string) => ({ ok: false, error }) as const;

/** Characters as a reader counts them: an emoji with its modifiers is one. */
export function length(text: string): number {
	let n = 0;
	for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
	return n;
}

/** The text of an answer, trimmed and composed, or why it cannot be one. */
export function checkText(text: unknown): Checked<string> {
	if (typeof text !== 'string') return fail('text must be a string');
	// A lone surrogate is not text: the database would refuse it with a 500.
	if (!text.isWellFormed()) return fail('text is not well-formed Unicode');
	if (CONTROL.test(text)) return fail('text must not hold control characters');
	const value = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
	if (!value) return fail('text must not be empty');
	if (length(value) > MAX_TEXT) return fail(`text is over ${MAX_TEXT} characters`);
	return { ok: true, value };
}

/** The shape of an answer; the kind's own limits come after, in `checkLength`. */
export function checkAnswer(body: unknown): Checked<AnswerBody> {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return fail('the body must be a JSON object');
	const { pollId, text, voter } = body as Record<string, unknown>;
	if (typeof pollId !== 'string' || !pollId || pollId.length > 64) {
		return fail('pollId must be a string');
	}
	if (typeof voter !== 'string' || !VOTER.test(voter)) {
		return fail('voter must be 16 to 64 letters, digits, dashes or underscores');
	}
	const checked = checkText(text);
	if (!checked.ok) return checked;
	return { ok: true, value: { pollId, text: checked.value, voter } };
}

/** Null when `text` fits a poll of `kind`, else why not. */
export function checkLength(kind: PollKind, text: string): string | null {
	if (kind === 'words') {
		if (length(text) > MAX_WORDS_CHARS) return `an answer is at most ${MAX_WORDS_CHARS} characters`;
		const n = splitWords(text).length;
		if (!n) return 'an answer needs at least one word';
		if (n > MAX_WORDS) return `an answer is at most ${MAX_WORDS} words`;
	}
	return null;
}
