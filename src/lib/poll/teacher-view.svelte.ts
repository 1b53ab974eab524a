import { onMount } from 'svelte';
import { TeacherPoll } from './teacher.svelte';

/**
 * The teacher's poll for one window (the projector or the speaker view): made, started and
 * released with the component that calls this, kept in step with the other window through
 * storage, and driven by J (join screen), P (open or close the slide's poll) and R (show or hide
 * the results) and T (who sets the class's pace). Call it while a component initialises.
 */
export function useTeacherPoll(slide: () => string): TeacherPoll {
	const t = new TeacherPoll();

	function onkeydown(e: KeyboardEvent) {
		if (!t.available || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
		const target = e.target as HTMLElement | null;
		if (target?.closest('input, textarea, select, [contenteditable]')) return;
		if (document.querySelector('dialog[open]')) return;
		const key = e.key.toLowerCase();
		if (key === 'j') t.toggleJoin();
		else if (key === 'p') t.togglePoll(slide());
		else if (key === 'r') t.toggleReveal();
		else if (key === 't' && t.room) t.togglePacing();
		else return;
		e.preventDefault();
	}

	onMount(() => {
		void t.start();
		const onStorage = (e: StorageEvent) => e.key === 'strangers-poll-room' && t.syncFromStorage();
		addEventListener('storage', onStorage);
		addEventListener('keydown', onkeydown);
		return () => {
			removeEventListener('storage', onStorage);
			removeEventListener('keydown', onkeydown);
			t.dispose();
		};
	});
	return t;
}

/** The poll the room has now, or null before its first. */
export function currentPoll(t: TeacherPoll) {
	const poll = t.live?.poll;
	return poll?.pollId ? poll : null;
}

/**
 * Whether the poll's card is on screen: while the poll is open, and after it closes while its
 * results are shown (the speaker view always shows them, the projector once R is pressed).
 */
export function cardShown(t: TeacherPoll, view: 'projector' | 'notes'): boolean {
	const poll = currentPoll(t);
	return !!poll && (poll.open || view === 'notes' || t.revealed);
}
