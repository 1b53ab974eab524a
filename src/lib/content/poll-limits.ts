/**
 * The sizes a class poll may have. Content checks polls.yaml against them and the poll's API checks
 * every request against the same numbers (poll/model.ts re-exports them), so a poll written in
 * content can always be opened.
 */
export const MAX_OPTIONS = 8;
export const MAX_QUESTION = 300;
export const MAX_LABEL = 120;
