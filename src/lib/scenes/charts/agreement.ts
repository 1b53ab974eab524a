import type { Beat, Reading, Verdict } from '$lib/content/types';
import { verdicts } from '$lib/features/lens-model';

/** How the readings divide on one beat: each verdict's readings, in the readings' own order. */
export interface Split {
	beat: Beat;
	groups: { verdict: Verdict; readings: Reading[] }[];
	/** The share of the readings behind the most common verdict, 0..1: 1 is full agreement. */
	agreement: number;
}

export function splits(beats: readonly Beat[], readings: readonly Reading[]): Split[] {
	return beats.map((beat) => {
		const groups = verdicts.map((verdict) => ({
			verdict,
			readings: readings.filter((r) => r.verdicts[beat.id]?.verdict === verdict)
		}));
		const most = Math.max(...groups.map((g) => g.readings.length));
		return { beat, groups, agreement: readings.length ? most / readings.length : 0 };
	});
}
