/**
 * The chapter the reader is in: the one holding the active step, else the one the URL's hash
 * points at (a chapter id or a step id inside one), else none.
 */
export function currentChapter(doc: Document, chapterIds: readonly string[]): string | null {
	const active = doc.querySelector<HTMLElement>('[aria-current="step"][data-chapter]');
	const fromStep = active?.dataset.chapter;
	if (fromStep && chapterIds.includes(fromStep)) return fromStep;
	const hash = decodeURIComponent(doc.location?.hash.slice(1) ?? '');
	if (!hash) return null;
	if (chapterIds.includes(hash)) return hash;
	const target = doc.getElementById(hash);
	const section = target?.closest('section[id]');
	return section && chapterIds.includes(section.id) ? section.id : null;
}
