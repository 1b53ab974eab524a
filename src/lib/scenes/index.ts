import type { Component } from 'svelte';
import FinaleScene from '$lib/starfield/FinaleScene.svelte';
import type { SceneId } from './registry';
import type { SceneProps } from './types';
import Title from './drawings/Title.svelte';
import Tower from './drawings/Tower.svelte';
import Knock from './drawings/Knock.svelte';
import Page from './drawings/Page.svelte';
import House from './drawings/House.svelte';
import Harry from './drawings/Harry.svelte';
import Goodbye from './drawings/Goodbye.svelte';
import SixthFloor from './drawings/SixthFloor.svelte';
import Conversation from './drawings/Conversation.svelte';
import RecordHandover from './drawings/RecordHandover.svelte';
import Evidence from './drawings/Evidence.svelte';
import Readings from './drawings/Readings.svelte';
import Lenses from './drawings/Lenses.svelte';
import Voices from './drawings/Voices.svelte';
import Disagreements from './drawings/Disagreements.svelte';
import Sources from './drawings/Sources.svelte';

/** The drawing for each scene id. A scene missing here shows a visible warning, never a gap. */
export const sceneComponents: Record<SceneId, Component<SceneProps>> = {
	title: Title,
	tower: Tower,
	knock: Knock,
	page: Page,
	house: House,
	harry: Harry,
	goodbye: Goodbye,
	'sixth-floor': SixthFloor,
	conversation: Conversation,
	record: RecordHandover,
	evidence: Evidence,
	readings: Readings,
	lenses: Lenses,
	voices: Voices,
	disagreements: Disagreements,
	sources: Sources,
	// The finale is the three.js sky; it brings its own prerendered still for print and no-JS.
	finale: FinaleScene
};
