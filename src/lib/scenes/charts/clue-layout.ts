import type { Beat, Clue, Moment } from '$lib/content/types';

/**
 * The clue timeline's geometry, in rows of equal height ("units"), so the still the server writes
 * and the page the browser lays out draw every line at the same place without measuring anything.
 *
 * Each beat of the film is one row. A beat that is a candidate moment holds the moment first (its
 * label and weight), then each clue that appears at that beat, one a unit; a beat with neither
 * takes one unit.
 */
export interface ClueRow {
	beat: Beat;
	/** The row's first unit, counted from the top of the chart. */
	start: number;
	units: number;
	moment?: Moment;
	clues: Clue[];
}

export interface ClueLine {
	clue: Clue;
	moment: Moment;
	/** From the clue's unit centre back to its moment's, in units; x is 0..1 across the gutter. */
	d: string;
}

export interface ClueLayout {
	rows: ClueRow[];
	lines: ClueLine[];
	/** The chart's height in units. */
	units: number;
}

export function clueLayout(beats: Beat[], moments: Moment[], clues: Clue[]): ClueLayout {
	const rows: ClueRow[] = [];
	const unitOf = new Map<string, number>();
	const momentUnit = new Map<string, number>();
	let start = 0;
	for (const beat of beats) {
		const moment = moments.find((m) => m.beat === beat.id);
		const here = clues.filter((c) => c.seen === beat.id);
		const first = moment ? 1 : 0;
		if (moment) momentUnit.set(moment.id, start);
		here.forEach((c, i) => unitOf.set(c.id, start + first + i));
		const units = Math.max(1, first + here.length);
		rows.push({ beat, start, units, moment, clues: here });
		start += units;
	}
	const lines: ClueLine[] = [];
	for (const clue of clues) {
		const moment = moments.find((m) => m.id === clue.moment);
		const from = unitOf.get(clue.id);
		const to = moment && momentUnit.get(moment.id);
		if (!moment || from === undefined || to === undefined) continue;
		lines.push({ clue, moment, d: arc(from + 0.5, to + 0.5, start) });
	}
	return { rows, lines, units: start };
}

/** A loop out into the gutter and back: the further apart the ends, the deeper it reaches. */
function arc(from: number, to: number, total: number): string {
	const reach = 0.25 + 0.7 * Math.min(1, Math.abs(from - to) / Math.max(1, total * 0.6));
	const x = +(1 - reach).toFixed(3);
	return `M1 ${from}C${x} ${from} ${x} ${to} 1 ${to}`;
}

/**
 * What the chart counts at a step: every clue the steps have brought forward so far, and every
 * clue at the last step, where the totals stand.
 */
export function counted(clues: Clue[], seen: readonly string[], last: boolean): Set<string> {
	return new Set(clues.filter((c) => last || seen.includes(c.id)).map((c) => c.id));
}

/** How many counted clues point to each moment. */
export function weights(moments: Moment[], clues: Clue[], counting: Set<string>) {
	return new Map(
		moments.map((m) => [m.id, clues.filter((c) => c.moment === m.id && counting.has(c.id)).length])
	);
}
