import type { Beat, Clue, Moment } from '$lib/content/types';

/**
 * The clue timeline's geometry, in rows of equal height ("units"), so the still the server writes
 * and the page the browser lays out draw every line at the same place without measuring anything.
 *
 * Each beat of the film is one row. A beat that is a candidate moment holds the moment first (its
 * label and weight), then each clue that appears at that beat, one a unit; a beat with neither
 * takes one unit.
 *
 * A narrow chart (a phone) has no room for the beats' names beside the axis, so there each beat
 * that holds anything gets a unit of its own for its name, above its moment and clues. Both
 * geometries are written into the page, and the chart's width picks one in CSS: nothing is
 * measured, and nothing moves when the script arrives.
 */
export interface ClueRow {
	beat: Beat;
	/** The row's first unit, counted from the top of the chart, wide and narrow. */
	start: number;
	narrow: number;
	/** In the narrow chart, the beat's name takes the row's first unit. */
	headed: boolean;
	moment?: Moment;
	clues: Clue[];
}

export interface ClueLine {
	clue: Clue;
	moment: Moment;
	/** From the clue's unit centre back to its moment's, in units; x is 0..1 across the gutter. */
	d: string;
	dNarrow: string;
}

export interface ClueLayout {
	rows: ClueRow[];
	lines: ClueLine[];
	/** The chart's height in units, wide and narrow. */
	units: number;
	unitsNarrow: number;
}

interface Geometry {
	start: Map<string, number>;
	clue: Map<string, number>;
	moment: Map<string, number>;
	units: number;
}

function geometry(beats: Beat[], moments: Moment[], clues: Clue[], narrow: boolean): Geometry {
	const g: Geometry = { start: new Map(), clue: new Map(), moment: new Map(), units: 0 };
	for (const beat of beats) {
		const moment = moments.find((m) => m.beat === beat.id);
		const here = clues.filter((c) => c.seen === beat.id);
		const head = narrow && (moment || here.length) ? 1 : 0;
		g.start.set(beat.id, g.units);
		const first = g.units + head;
		if (moment) g.moment.set(moment.id, first);
		here.forEach((c, i) => g.clue.set(c.id, first + (moment ? 1 : 0) + i));
		g.units += Math.max(1, head + (moment ? 1 : 0) + here.length);
	}
	return g;
}

export function clueLayout(beats: Beat[], moments: Moment[], clues: Clue[]): ClueLayout {
	const wide = geometry(beats, moments, clues, false);
	const thin = geometry(beats, moments, clues, true);
	const rows: ClueRow[] = beats.map((beat) => {
		const moment = moments.find((m) => m.beat === beat.id);
		const here = clues.filter((c) => c.seen === beat.id);
		return {
			beat,
			start: wide.start.get(beat.id)!,
			narrow: thin.start.get(beat.id)!,
			headed: !!moment || here.length > 0,
			moment,
			clues: here
		};
	});
	const lines: ClueLine[] = [];
	for (const clue of clues) {
		const moment = moments.find((m) => m.id === clue.moment);
		if (!moment || !wide.clue.has(clue.id) || !wide.moment.has(moment.id)) continue;
		const d = (g: Geometry) =>
			arc(g.clue.get(clue.id)! + 0.5, g.moment.get(moment.id)! + 0.5, g.units);
		lines.push({ clue, moment, d: d(wide), dNarrow: d(thin) });
	}
	return { rows, lines, units: wide.units, unitsNarrow: thin.units };
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
