import type { Chapter } from '$lib/content/types';

/** “Chapter 4: Home”; the opening chapter is just its title. */
export function chapterLabel(chapter: Pick<Chapter, 'n' | 'title' | 'kind'>): string {
	return chapter.kind === 'opening' ? chapter.title : `Chapter ${chapter.n}: ${chapter.title}`;
}

/** The two-digit number shown beside a chapter's title: 01, 02, … */
export function chapterNumber(chapter: Pick<Chapter, 'n'>): string {
	return twoDigits(chapter.n);
}

/** 7 → "07": chapter numbers, clock minutes and seconds. */
export function twoDigits(n: number): string {
	return String(n).padStart(2, '0');
}

/** 12345 → "12,345", without Intl (see `longDate` for why). */
export function thousands(n: number): string {
	return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
