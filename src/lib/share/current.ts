/**
 * The chapter the reader is in: the active step's chapter (from the scroll state), else the one
 * the URL's hash points at (a chapter id or a step id inside one), else none.
 */
export function currentChapter(
	active: string | null | undefined,
	doc: Document,
	chapterIds: readonly string[]
): string | null {
	if (active && chapterIds.includes(active)) return active;
	const hash = decodeURIComponent(doc.location?.hash.slice(1) ?? '');
	if (!hash) return null;
	if (chapterIds.includes(hash)) return hash;
	const target = doc.getElementById(hash);
	const section = target?.closest('section[id]');
	return section && chapterIds.includes(section.id) ? section.id : null;
}
