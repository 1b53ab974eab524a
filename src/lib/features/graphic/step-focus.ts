import type { Chapter } from '$lib/content/types';

/** The ids the chapter's step `index` brings forward (none before the reader reaches a step). */
export function focusAt(chapter: Chapter | undefined, index: number): string[] {
	return chapter?.steps[index]?.focus ?? [];
}

/** Every id brought forward at or before step `index`, in order of first arrival. */
export function seenBy(chapter: Chapter | undefined, index: number): string[] {
	const seen: string[] = [];
	for (const step of chapter?.steps.slice(0, Math.max(0, index + 1)) ?? [])
		for (const id of step.focus ?? []) if (!seen.includes(id)) seen.push(id);
	return seen;
}

/** Which of `n` items a step shows while it is read: one after another as progress runs 0..1. */
export function itemAt(n: number, progress: number): number {
	if (n <= 1) return 0;
	const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
	return Math.min(n - 1, Math.floor(p * n));
}
