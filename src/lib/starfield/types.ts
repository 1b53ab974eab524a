export interface ChapterRef {
	id: string;
	title: string;
}

export interface StarfieldOptions {
	/** same seed, same sky (default: a fixed seed) */
	seed?: number;
	/** the chapters shown as highlighted, selectable stars, in reading order */
	chapters?: readonly ChapterRef[];
	/** field stars at full quality (default 60,000) */
	stars?: number;
	/** never shed below this many vertices in total */
	minStars?: number;
	/** still frame: no twinkle, no drift, render only when something changes */
	reducedMotion?: boolean;
	/** where the hand-over stands as the sky is made, so that its first frame is the right one */
	progress?: number;
	/** frame budget for the adaptive quality (default 1000/60 ms) */
	targetMs?: number;
	maxPixelRatio?: number;
	/** told whenever adaptive quality changes level */
	onQuality?: (stats: StarfieldStats) => void;
}

export interface StarfieldStats {
	renderer: 'webgl' | '2d';
	/** vertices drawn (stars, windows, chapter stars and the warm star) */
	stars: number;
	pixelRatio: number;
	/** mean frame interval over the last measurement window, ms (NaN before one exists) */
	frameMs: number;
	drawCalls: number;
	/** index on the quality ladder, 0 = full quality */
	level: number;
}

export interface ChapterStarPosition {
	id: string;
	/** CSS pixels from the canvas's top-left corner */
	x: number;
	y: number;
}

export interface StarfieldHandle {
	setProgress(p: number): void;
	resize(): void;
	dispose(): void;
	setReducedMotion(reduced: boolean): void;
	chapterStarPositions(): ChapterStarPosition[];
	stats(): StarfieldStats;
}
