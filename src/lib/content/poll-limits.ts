/**
 * The sizes a class poll may have. Content checks polls.yaml against them and the poll's API checks
 * every request against the same numbers (poll/model.ts re-exports them), so a poll written in
 * content can always be opened.
 */
export const MAX_OPTIONS = 8;
export const MAX_QUESTION = 300;
export const MAX_LABEL = 120;

/** The kinds of poll: a choice between options, or an open answer of a few words or a sentence. */
export const POLL_KINDS = ['choice', 'words', 'text'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
/** A `words` answer is at most this many words (and MAX_WORDS_CHARS characters). */
export const MAX_WORDS = 3;
export const MAX_WORDS_CHARS = 60;
/** A `text` answer is at most this many characters. */
export const MAX_TEXT = 280;
