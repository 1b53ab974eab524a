import type { Component } from 'svelte';
import FinaleScene from '$lib/starfield/FinaleScene.svelte';
import type { SceneId } from './registry';
import type { SceneProps } from './types';

/** The drawing for each scene id. A scene missing here shows a visible warning, never a gap. */
export const sceneComponents: Partial<Record<SceneId, Component<SceneProps>>> = {
	finale: FinaleScene
};
