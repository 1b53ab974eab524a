import type { Beat, Reading, Verdict } from '$lib/content/types';

export const verdicts: readonly Verdict[] = ['real', 'imagined', 'open'];

/** Interface words for the three verdicts: the label shown beside the mark, and its meaning. */
export const verdictLabel: Record<Verdict, string> = {
	real: 'Real',
	imagined: 'Imagined',
	open: 'Open'
};
export const verdictMeaning: Record<Verdict, string> = {
	real: 'happens, as shown',
	imagined: 'happens in Adam’s mind or on his page',
	open: 'the reading leaves it undecided'
};

export interface LensRow {
	beat: Beat;
	verdict: Verdict | null;
	reason: string;
}

/** Each beat, in order, with what the reading says of it (null where the reading is silent). */
export function lensRows(beats: readonly Beat[], reading: Reading | undefined): LensRow[] {
	return beats.map((beat) => {
		const v = reading?.verdicts[beat.id];
		return { beat, verdict: v?.verdict ?? null, reason: v?.reason ?? '' };
	});
}

export function tally(rows: readonly LensRow[]): Record<Verdict, number> {
	const counts: Record<Verdict, number> = { real: 0, imagined: 0, open: 0 };
	for (const r of rows) if (r.verdict) counts[r.verdict]++;
	return counts;
}

/** One sentence for the live region when a reading is chosen: “Ghosts: 5 real, 2 imagined, 1 open.” */
export function summarise(reading: Reading, rows: readonly LensRow[]): string {
	const t = tally(rows);
	return `${reading.name}: ${verdicts.map((v) => `${t[v]} ${v}`).join(', ')}.`;
}

/** How many of the readings give this beat the same verdict as `reading` does (itself included). */
export function agreement(beat: Beat, reading: Reading, readings: readonly Reading[]): number {
	const mine = reading.verdicts[beat.id]?.verdict;
	return mine ? readings.filter((r) => r.verdicts[beat.id]?.verdict === mine).length : 0;
}

/** Do the readings disagree on this beat? There, choosing a lens matters most. */
export function contested(beat: Beat, readings: readonly Reading[]): boolean {
	const seen = new Set(readings.map((r) => r.verdicts[beat.id]?.verdict).filter(Boolean));
	return seen.size > 1;
}
