import type { Chapter, Content } from '$lib/content/types';

/** One chapter's discussion questions, under the chapter's title. */
export interface QuestionGroup {
	chapter: Pick<Chapter, 'id' | 'n' | 'title' | 'kind'>;
	questions: string[];
}

/** Every discussion question in the story, grouped by chapter, in reading order. */
export function questionGroups(chapters: readonly Chapter[]): QuestionGroup[] {
	return chapters
		.filter((c) => c.questions.length > 0)
		.map(({ id, n, title, kind, questions }) => ({ chapter: { id, n, title, kind }, questions }));
}

/** The handout's data, all of it from content/: nothing the page prints is written anywhere else. */
export interface HandoutData {
	content: Content;
	/** Where the piece lives, printed under the QR code: the build's address, or its path alone. */
	url: string;
	/** The QR code as an SVG path in module units, drawn at build time when the address is known. */
	qr: { d: string; size: number } | null;
}
