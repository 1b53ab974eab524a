/**
 * Which slides the classroom deck makes of a chapter, as far as content needs to know: the polls
 * stage pins polls to slide ids, and the deck (present/deck.ts) builds the slides with the same
 * two rules.
 */
import type { Chapter } from './types';

/**
 * Content ids are lowercase words joined by single dashes, so a double dash can never collide with
 * a chapter or step id.
 */
export function discussionId(chapterId: string): string {
	return `${chapterId}--discussion`;
}

/** Interpretive chapters with questions end on a discussion slide. */
export function hasDiscussion(chapter: Pick<Chapter, 'kind' | 'questions'>): boolean {
	return chapter.kind === 'reading' && chapter.questions.length > 0;
}
