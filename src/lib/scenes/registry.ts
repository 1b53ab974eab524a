/**
 * The scenes a chapter may name, and the states each one can show.
 * The content loader validates against this list, so it must stay free of Svelte and DOM imports.
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
	readings: ['overview', 'focus'],
	lenses: ['timeline'],
	voices: ['quote', 'title'],
	disagreements: ['split'],
	sources: ['list'],
	finale: ['stars']
} as const satisfies Record<string, readonly string[]>;

export type SceneId = keyof typeof sceneStates;

/**
 * Scenes holding controls of their own (the finale's chapter stars, the lenses' reading chooser). Their figure cannot be one
 * opaque image (role="img" would hide the links), so its description becomes a caption instead.
 */
export const interactiveScenes: ReadonlySet<SceneId> = new Set(['finale', 'lenses']);
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
