import { twoDigits } from '$lib/story/labels';

/** The speaker view's elapsed-time clock, as plain data so it survives a reload (sessionStorage). */
export interface TimerState {
	/** When the current run started (ms since epoch), or null while paused. */
	since: number | null;
	/** Milliseconds counted before the current run. */
	banked: number;
}

export const ZERO: TimerState = { since: null, banked: 0 };

export function elapsed(t: TimerState, now: number): number {
	return t.banked + (t.since === null ? 0 : Math.max(0, now - t.since));
}

export function start(t: TimerState, now: number): TimerState {
	return t.since === null ? { since: now, banked: t.banked } : t;
}

export function pause(t: TimerState, now: number): TimerState {
	return t.since === null ? t : { since: null, banked: elapsed(t, now) };
}

export function reset(): TimerState {
	return ZERO;
}

/** 0:07, 12:34, 1:02:03 */
export function formatElapsed(ms: number): string {
	const s = Math.floor(Math.max(0, ms) / 1000);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = twoDigits(s % 60);
	return h > 0 ? `${h}:${twoDigits(m)}:${ss}` : `${m}:${ss}`;
}

export function parseTimer(raw: string | null): TimerState {
	if (!raw) return ZERO;
	try {
		const v = JSON.parse(raw) as Partial<TimerState>;
		const since = typeof v.since === 'number' ? v.since : null;
		const banked = typeof v.banked === 'number' && v.banked >= 0 ? v.banked : 0;
		return { since, banked };
	} catch {
		return ZERO;
	}
}
