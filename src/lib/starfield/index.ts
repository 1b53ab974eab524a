/**
 * Public surface of the finale. Deliberately does not re-export create-starfield: that module
 * imports three.js and must only be reached through the dynamic import in Starfield.svelte.
 */
export { default as Starfield } from './Starfield.svelte';
export type {
	ChapterRef,
	ChapterStarPosition,
	StarfieldHandle,
	StarfieldOptions,
	StarfieldStats
} from './types';
export { createQualityController, qualityLadder, type QualityLevel } from './quality';
export { generateStars, DEFAULT_SEED } from './generate-stars';
