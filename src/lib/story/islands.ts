/**
 * Chapters still asleep: prerendered markup that no script has walked yet (see `ChapterIsland`).
 * A link, the address or the printer may need one awake at once: they ask here, always from an
 * event or a callback, never from inside a component's effect, so the chapter's own root does
 * not become a child of whoever asked.
 */
interface Island {
	box: HTMLElement;
	wake(): void;
}

// A plain registry, read only by event handlers: nothing renders from it.
const asleep = new Set<Island>();

/** Registers an island until it wakes or goes; returns the function that forgets it. */
export function sleep(island: Island): () => void {
	asleep.add(island);
	return () => void asleep.delete(island);
}

/** Wakes the island that holds the element `id` names, in the page or in its unparsed markup. */
export function wakeHolding(id: string): void {
	for (const island of asleep) {
		if (holds(island.box, id)) island.wake();
	}
}

/** Wakes every island (paper gets every chapter whole). */
export function wakeAll(): void {
	for (const island of [...asleep]) island.wake();
}

function holds(box: HTMLElement, id: string): boolean {
	if (box.querySelector(`[id="${CSS.escape(id)}"]`)) return true;
	const needle = `id="${id}"`;
	return [...box.querySelectorAll('noscript')].some((n) => n.textContent?.includes(needle));
}
