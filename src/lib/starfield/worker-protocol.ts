/** The messages between the page and starfield.worker.ts (types only: nothing here runs). */
import type { SkyInit } from './sky-renderer';
import type { StarfieldStats } from './types';

export type ToWorker =
	| { type: 'init'; canvas: OffscreenCanvas; init: SkyInit }
	| { type: 'size'; width: number; height: number }
	| { type: 'visible'; visible: boolean }
	| { type: 'progress'; progress: number }
	| { type: 'reduced-motion'; reduced: boolean }
	| { type: 'dispose' };

export type FromWorker =
	| { type: 'ready'; stats: StarfieldStats; engine: string }
	| { type: 'unavailable'; reason: string }
	| { type: 'stats'; stats: StarfieldStats }
	| { type: 'disposed'; contextLost: boolean };
