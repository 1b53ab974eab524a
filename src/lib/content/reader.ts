import type { Content } from './types';

/**
 * The story as the reading page and the embed use it. Speaker notes and the plain-text copies
 * serve only the classroom views; leaving them out of these pages' hydration data saves readers
 * a third of it on every visit.
 */
export function withoutSpeakerNotes(content: Content): Content {
	return {
		...content,
		chapters: content.chapters.map((c) => ({
			...c,
			steps: c.steps.map((s) => ({ ...s, notes: '', plain: '' }))
		}))
	};
}
