import type { FeatureId } from './vocabulary';
import type { Chapter, Content, Graphic, SourceRow } from './types';

/** The ids a step's `focus` may name, for each feature, and what they are called in errors. */
export interface FocusIds {
	clues: string[];
	/** The readings this chapter names (`readings:`); all readings for the lenses. */
	chapterReadings: string[];
	beats: string[];
	quotes: string[];
	points: string[];
	sources: string[];
}

const vocabulary: Record<FeatureId, { key: keyof FocusIds; noun: string }> = {
	evidence: { key: 'clues', noun: 'clue' },
	readings: { key: 'chapterReadings', noun: 'reading of this chapter' },
	lenses: { key: 'beats', noun: 'beat' },
	quotes: { key: 'quotes', noun: 'quote' },
	disagreements: { key: 'points', noun: 'disagreement point' },
	sources: { key: 'sources', noun: 'source' }
};

/**
 * Why one id in a step's `focus` is wrong, or undefined when it is right. A focus names things the
 * chapter's graphic draws, so a chapter without a feature has nothing to focus on.
 */
export function focusProblem(
	id: string,
	feature: FeatureId | undefined,
	ids: FocusIds
): string | undefined {
	if (!feature) return 'only a chapter with a feature has a graphic to focus';
	const { key, noun } = vocabulary[feature];
	const known = ids[key];
	if (known.includes(id)) return undefined;
	return `unknown ${noun} "${id}"; known: ${known.join(', ')}`;
}

/**
 * How many of each chapter's steps cite each source, and how many rest on one source alone:
 * computed from the citation marks.
 */
export function sourceRows(content: Pick<Content, 'chapters' | 'sources'>): SourceRow[] {
	return content.chapters
		.map((c) => ({
			id: c.id,
			title: c.title,
			counts: content.sources.map(
				(s) => c.steps.filter((st) => st.citations.includes(s.id)).length
			),
			steps: c.steps.length,
			alone: c.steps.filter((st) => new Set(st.citations).size === 1).length
		}))
		.filter((r) => r.counts.some((n) => n > 0));
}

/**
 * What a reading chapter's graphic draws. The arrays are the content's own objects, so the page's
 * serialised data holds them once however many graphics share them.
 */
export function graphicFor(chapter: Chapter, content: Content): Graphic | undefined {
	const { sources } = content;
	switch (chapter.feature) {
		case 'evidence':
			return {
				kind: 'evidence',
				moments: content.moments,
				clues: content.clues,
				sources,
				beats: content.beats
			};
		case 'readings':
			return {
				kind: 'readings',
				readings: chapter.readings
					.map((id) => content.readings.find((r) => r.id === id))
					.filter((r) => !!r),
				beats: content.beats,
				points: content.disagreements,
				sources
			};
		case 'lenses':
			return { kind: 'lenses', readings: content.readings, beats: content.beats };
		case 'quotes':
			return {
				kind: 'quotes',
				// The people who made the film, not its characters: those speak in the plot chapters.
				quotes: content.quotes.filter((q) => !q.role.startsWith('character')),
				sources
			};
		case 'disagreements':
			return { kind: 'disagreements', points: content.disagreements, sources };
		case 'sources':
			return { kind: 'sources', sources, rows: sourceRows(content) };
		default:
			return undefined;
	}
}
