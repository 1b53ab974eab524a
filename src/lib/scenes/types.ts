import type { Chapter } from '$lib/content/types';

/** What every scene component receives. A scene's picture is a function of these alone. */
export interface SceneProps {
	/** The state named by the active step (or the first step's, before the chapter is reached). */
	state: string;
	/** Index of the active step within the chapter; -1 before the reader reaches it. */
	stepIndex: number;
	/** Progress through the active step, 0..1. */
	progress: number;
	/**
	 * Progress through the run of consecutive steps sharing this state, 0..1 (equal to `progress`
	 * when the state has one step). Timelines seek with this one.
	 */
	stateProgress?: number;
	/** Strings from the chapter's `sceneData` (story text the scene draws). */
	data: Record<string, string>;
	/** Every chapter, in reading order: for scenes that lead elsewhere (the finale's stars). */
	chapters?: { id: string; title: string }[];
	/** The chapter itself: the reading chapters draw its `graphic` and each step's `focus`. */
	chapter?: Chapter;
}
