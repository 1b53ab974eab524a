/**
 * The content's vocabulary: the scenes a chapter may name, the states each one can show, and the
 * interpretive features. It lives with the content (the loader validates against it) and is free of
 * Svelte and DOM imports; the scene drawings implement it, and `src/lib/scenes/registry.ts` reads it.
 */
export const sceneStates = {
	title: ['night'],
	tower: ['dusk', 'climb', 'lit'],
	knock: ['door', 'knock', 'sleeve', 'shut'],
	page: ['blank', 'typing', 'typed'],
	house: ['approach', 'windows', 'inside', 'told'],
	harry: ['two-windows', 'nights', 'close'],
	goodbye: ['table', 'trio', 'empty'],
	'sixth-floor': ['corridor', 'door', 'static', 'body', 'bottle'],
	conversation: ['facing', 'closer'],
	record: ['turntable', 'light', 'fill'],
	evidence: ['board', 'focus'],
	readings: ['overview', 'focus', 'ending'],
	lenses: ['timeline'],
	voices: ['quote', 'title'],
	disagreements: ['split'],
	sources: ['list', 'alone'],
	finale: ['stars']
} as const satisfies Record<string, readonly string[]>;

export type SceneId = keyof typeof sceneStates;

/** The `sceneData` strings a scene draws: a chapter on that scene must give each one. */
export const sceneText: Partial<Record<SceneId, readonly string[]>> = {
	page: ['typed'],
	evidence: ['heading'],
	readings: ['heading'],
	lenses: ['heading'],
	voices: ['heading', 'novel', 'added'],
	disagreements: ['heading'],
	sources: ['heading', 'alone', 'undated']
};
export type SceneState = (typeof sceneStates)[SceneId][number];
export const sceneIds = Object.keys(sceneStates) as SceneId[];

export const featureIds = [
	'evidence',
	'readings',
	'lenses',
	'quotes',
	'disagreements',
	'sources'
] as const;
export type FeatureId = (typeof featureIds)[number];
