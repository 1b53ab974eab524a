/**
 * Adaptive quality, as a pure state machine fed frame times (no DOM, no three.js) so it is
 * unit-tested with synthetic clocks. Software WebGL and weak laptop GPUs cannot draw the full sky
 * at 60 fps (DESIGN §8); we measure for the first second, then step down a ladder of (stars, pixel
 * ratio) levels until frames fit, never below the floor, and step back up only after a long spell
 * of real headroom, waiting longer each time a step up had to be undone (hysteresis).
 */
export interface QualityLevel {
	stars: number;
	pixelRatio: number;
}

export interface QualityOptions {
	/** frame budget, ms; the loop is judged on the mean of recent frame intervals */
	targetMs?: number;
	/** ordered best first; the last one is the floor */
	levels: QualityLevel[];
	/** index into levels to start at */
	start?: number;
	/** measuring time before the first decision (shader compile and warm-up frames are ignored) */
	warmupMs?: number;
	/** how much recent time a decision looks at */
	windowMs?: number;
	/** step down when the mean frame exceeds targetMs * slowFactor */
	slowFactor?: number;
	/** step up only while the mean frame stays under targetMs * fastFactor ... */
	fastFactor?: number;
	/** ... for this long (doubled after each step up that had to be undone) */
	upHoldMs?: number;
}

export interface QualityController {
	/** feed one frame interval; returns the new level when it changes, otherwise null */
	sample(frameMs: number): QualityLevel | null;
	/** forget the current measurements (after a pause, a resize, a context restore) */
	reset(): void;
	readonly level: QualityLevel;
	readonly index: number;
	/** mean of the current window, ms (NaN until measured) */
	readonly meanMs: number;
}

export function createQualityController(options: QualityOptions): QualityController {
	const levels = options.levels;
	if (levels.length === 0) throw new Error('createQualityController: levels must not be empty');
	const targetMs = options.targetMs ?? 1000 / 60;
	const warmupMs = options.warmupMs ?? 1000;
	const windowMs = options.windowMs ?? 500;
	const slowMs = targetMs * (options.slowFactor ?? 1.2);
	const fastMs = targetMs * (options.fastFactor ?? 0.6);
	const baseHoldMs = options.upHoldMs ?? 3000;

	let index = clampIndex(options.start ?? 0);
	let elapsed = 0;
	let window: number[] = [];
	let windowSum = 0;
	let fastFor = 0;
	let holdMs = baseHoldMs;
	/** set after a step up; a step down soon after means the step up was a mistake */
	let probation = 0;
	let lastMean = Number.NaN;

	function clampIndex(i: number): number {
		return Math.min(levels.length - 1, Math.max(0, Math.floor(i)));
	}

	function clearWindow() {
		window = [];
		windowSum = 0;
	}

	function change(to: number): QualityLevel {
		index = to;
		clearWindow();
		fastFor = 0;
		return levels[index] as QualityLevel;
	}

	return {
		get level() {
			return levels[index] as QualityLevel;
		},
		get index() {
			return index;
		},
		get meanMs() {
			return lastMean;
		},
		reset() {
			clearWindow();
			fastFor = 0;
		},
		sample(frameMs: number) {
			if (!Number.isFinite(frameMs) || frameMs <= 0) return null;
			// one long stall (tab switch, GC, a debugger) says nothing about steady cost
			const ms = Math.min(frameMs, targetMs * 6);
			elapsed += ms;
			if (elapsed < warmupMs) return null;

			window.push(ms);
			windowSum += ms;
			let span = windowSum;
			if (span < windowMs) return null;
			while (window.length > 1 && span - (window[0] as number) >= windowMs) {
				span -= window.shift() as number;
			}
			windowSum = span;
			const mean = span / window.length;
			lastMean = mean;
			if (probation > 0) probation = Math.max(0, probation - ms);

			if (mean > slowMs && index < levels.length - 1) {
				// a step up that is undone within its probation makes the next attempt wait longer
				holdMs = probation > 0 ? Math.min(holdMs * 2, baseHoldMs * 16) : holdMs;
				probation = 0;
				return change(index + 1);
			}
			if (mean < fastMs && index > 0) {
				fastFor += ms;
				if (fastFor >= holdMs) {
					probation = holdMs;
					return change(index - 1);
				}
			} else {
				fastFor = 0;
			}
			return null;
		}
	};
}

/**
 * The ladder from full quality to the floor: resolution goes first (points are fill-bound and
 * a 2x canvas has four times the pixels), then the faintest stars, in steps of about a third.
 */
export function qualityLadder(opts: {
	maxStars: number;
	minStars: number;
	devicePixelRatio: number;
	maxPixelRatio?: number;
	minPixelRatio?: number;
}): QualityLevel[] {
	const maxPr = Math.min(opts.devicePixelRatio || 1, opts.maxPixelRatio ?? 2);
	const minPr = Math.min(maxPr, opts.minPixelRatio ?? 1);
	const levels: QualityLevel[] = [];
	for (let pr = maxPr; pr > minPr + 1e-6; pr = Math.max(minPr, pr - 0.5)) {
		levels.push({ stars: opts.maxStars, pixelRatio: round2(pr) });
	}
	const minStars = Math.min(opts.minStars, opts.maxStars);
	for (let s = opts.maxStars; s > minStars; s = Math.max(minStars, Math.round(s * 0.7))) {
		levels.push({ stars: s, pixelRatio: round2(minPr) });
	}
	levels.push({ stars: minStars, pixelRatio: round2(minPr) });
	return levels;
}

function round2(n: number): number {
	return Math.round(n * 100) / 100;
}
