/**
 * Read-only debug hook, `window.__strangers.starfield` (like `__strangers.scenes`): live starfield
 * workers, how their contexts ended, and the current sky's figures. The bench reads `stats()`
 * (a worker's draw calls cannot be counted from the page), the resource tests read the counts.
 */
import type { StarfieldHandle, StarfieldStats } from './types';

interface Hook {
	/** workers created and not yet terminated */
	workers: number;
	/** workers whose dispose ended in a lost context (forceContextLoss worked) ... */
	contextsReleased: number;
	/** ... and those terminated with their context still live */
	contextsLeft: number;
	/** the live sky: stars at full quality, starsNow after adapting, draw calls, frame time */
	stats(): (StarfieldStats & { starsNow: number; via: string }) | null;
}

let nextId = 1;
const workers = new Set<number>();
let current: { handle: StarfieldHandle; full: number; via: string } | null = null;
let released = 0;
let left = 0;

function hook(): Hook | null {
	if (typeof window === 'undefined') return null;
	const w = window as unknown as { __strangers?: Record<string, unknown> };
	const root = (w.__strangers ??= {});
	if (!root.starfield) {
		const h: Hook = {
			get workers() {
				return workers.size;
			},
			get contextsReleased() {
				return released;
			},
			get contextsLeft() {
				return left;
			},
			stats() {
				if (!current) return null;
				const s = current.handle.stats();
				return { ...s, stars: current.full, starsNow: s.stars, via: current.via };
			}
		};
		root.starfield = h;
	}
	return root.starfield as Hook;
}

export function trackWorker(): number {
	hook();
	const id = nextId++;
	workers.add(id);
	return id;
}

export function untrackWorker(id: number, contextStillLive: boolean) {
	if (!workers.delete(id)) return;
	if (contextStillLive) left++;
	else released++;
}

/** Makes `handle` the sky `stats()` reports on, until the returned cleanup runs. */
export function exposeStarfield(handle: StarfieldHandle, via: string): () => void {
	hook();
	const entry = { handle, full: handle.stats().stars, via };
	current = entry;
	return () => {
		if (current === entry) current = null;
	};
}
