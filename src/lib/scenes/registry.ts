/**
 * The scenes' side of the content vocabulary (scene ids and states live in
 * `$lib/content/vocabulary`, so content never imports scenes).
 */
import type { SceneId } from '$lib/content/vocabulary';

export {
	sceneStates,
	sceneIds,
	featureIds,
	type SceneId,
	type FeatureId
} from '$lib/content/vocabulary';

/**
 * Scenes holding controls of their own (the finale's chapter stars, the lenses' reading chooser)
 * or a text equivalent of their own (the clue timeline's table). Their figure cannot be one
 * opaque image (role="img" would hide the links and the table), so its description becomes a
 * caption instead.
 */
export const interactiveScenes: ReadonlySet<SceneId> = new Set(['finale', 'lenses', 'evidence']);
