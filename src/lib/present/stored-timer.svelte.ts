import { elapsed, formatElapsed, parseTimer, pause, reset, start, type TimerState } from './timer';

const KEY = 'strangers:present-timer';

/**
 * The speaker view's elapsed-time clock as live state: kept in sessionStorage so a reload keeps
 * counting, ticking four times a second while its component lives.
 */
export function storedTimer() {
	let timer = $state<TimerState>({ since: null, banked: 0 });
	let now = $state(Date.now());

	$effect(() => {
		timer = parseTimer(sessionStorage.getItem(KEY));
		const clock = setInterval(() => (now = Date.now()), 250);
		return () => clearInterval(clock);
	});

	function set(t: TimerState) {
		timer = t;
		now = Date.now();
		try {
			sessionStorage.setItem(KEY, JSON.stringify(t));
		} catch {
			// Storage refused: the clock still runs for this window.
		}
	}

	return {
		get running() {
			return timer.since !== null;
		},
		get started() {
			return timer.banked > 0;
		},
		get time() {
			return formatElapsed(elapsed(timer, now));
		},
		get clock() {
			// A throwaway value to format, not state: nothing reads it again.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			return new Date(now).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
		},
		start: () => set(start(timer, Date.now())),
		pause: () => set(pause(timer, Date.now())),
		reset: () => set(reset())
	};
}
