/**
 * The sky as plain Float32Arrays, from a seed. Pure (no three.js, no DOM) so it is unit-tested in
 * node and shared by the WebGL renderer, the 2D fallback and the SVG still.
 *
 * Vertex order matters: the adaptive-quality controller sheds stars by shrinking the draw range
 * from the end, so the warm star, the chapter stars and the tower windows come first and the field
 * follows sorted brightest-first: shedding removes the faintest dust, never a star anyone looks at.
 */
import { chapterLayout, TOWER, towerWindow, WARM_STAR } from './layout';
import { mixRgb, rgb, type Rgb } from './palette';
import { gaussian, mulberry32, type Rng } from './prng';

export const Kind = { field: 0, windowLit: 1, windowDark: 2, warm: 3, chapter: 4 } as const;

export interface StarOptions {
	seed?: number;
	/** field stars, on top of the warm star, the chapter stars and the tower windows */
	fieldCount?: number;
	chapterCount?: number;
}

export interface StarData {
	count: number;
	/** xy where a vertex starts (p = 0); tower windows in height units, the rest in frame space */
	start: Float32Array;
	/** x, y in frame space where it settles (p = 1), and a depth 0 (near) .. 1 (far) */
	end: Float32Array;
	/** sRGB */
	color: Float32Array;
	/** size in CSS px, brightness 0..1, twinkle phase (rad), twinkle speed (rad/s) */
	params: Float32Array;
	/** Kind, lift-off delay in progress units (windows only) */
	role: Float32Array;
	warmIndex: number;
	chapterStart: number;
	chapterCount: number;
	windowStart: number;
	windowCount: number;
	fieldStart: number;
}

export const DEFAULT_SEED = 19871987;
export const DEFAULT_FIELD_COUNT = 60000;

export function generateStars(options: StarOptions = {}): StarData {
	const seed = options.seed ?? DEFAULT_SEED;
	const fieldCount = Math.max(0, Math.floor(options.fieldCount ?? DEFAULT_FIELD_COUNT));
	const chapterCount = Math.max(0, Math.floor(options.chapterCount ?? 0));
	const windowCount = TOWER.cols * TOWER.rows;
	const count = 1 + chapterCount + windowCount + fieldCount;
	const rng = mulberry32(seed);

	const data: StarData = {
		count,
		start: new Float32Array(count * 2),
		end: new Float32Array(count * 3),
		color: new Float32Array(count * 3),
		params: new Float32Array(count * 4),
		role: new Float32Array(count * 2),
		warmIndex: 0,
		chapterStart: 1,
		chapterCount,
		windowStart: 1 + chapterCount,
		windowCount,
		fieldStart: 1 + chapterCount + windowCount
	};

	const put = (
		i: number,
		start: readonly [number, number],
		end: readonly [number, number, number],
		color: Rgb,
		params: readonly [number, number, number, number],
		kind: number,
		delay = 0
	) => {
		data.start.set(start, i * 2);
		data.end.set(end, i * 3);
		data.color.set(color, i * 3);
		data.params.set(params, i * 4);
		data.role.set([kind, delay], i * 2);
	};

	const warmColor = mixRgb(rgb.sodium, rgb.paper, 0.3);
	put(0, WARM_STAR, [WARM_STAR[0], WARM_STAR[1], 0], warmColor, [4.6, 1, 0, 0.7], Kind.warm);

	chapterLayout(chapterCount, seed).forEach((p, c) => {
		const color = mixRgb(rgb.paper, rgb.amber, 0.15);
		put(1 + c, p, [p[0], p[1], 0.2], color, [3.2, 0.9, rng() * 6.283, 0.5], Kind.chapter);
	});

	let i = data.windowStart;
	for (let row = 0; row < TOWER.rows; row++) {
		for (let col = 0; col < TOWER.cols; col++) {
			const isAdam = row === TOWER.adam.row && col === TOWER.adam.col;
			const isHarry = row === TOWER.harry.row && col === TOWER.harry.col;
			const lit = isAdam || isHarry || rng() < 0.34;
			// Lift-off sweeps from the top floors down; Adam's and Harry's windows go early and
			// travel to the light between them: the two of them become the warm star.
			const delay = isAdam ? 0.1 : isHarry ? 0.14 : 0.04 + 0.3 * (row / TOWER.rows) + rng() * 0.08;
			const end: [number, number, number] =
				isAdam || isHarry
					? [WARM_STAR[0], WARM_STAR[1], 0]
					: [(rng() * 2 - 1) * 0.96, -0.45 + rng() * 1.38, 0.3 + rng() * 0.5];
			const color = lit
				? mixRgb(rgb.sodium, rgb.amber, isAdam || isHarry ? 0 : rng() * 0.6)
				: mixRgb(rgb.night2, rgb.muted, 0.35 + rng() * 0.2);
			const brightness = lit ? 0.7 + rng() * 0.3 : 0.45 + rng() * 0.2;
			put(
				i++,
				towerWindow(row, col),
				end,
				color,
				[lit ? 2.2 : 1.6, brightness, rng() * 6.283, 0.6 + rng()],
				lit ? Kind.windowLit : Kind.windowDark,
				delay
			);
		}
	}

	const field = makeField(rng, fieldCount);
	field.sort((a, b) => b.brightness - a.brightness);
	field.forEach((s, k) => {
		put(data.fieldStart + k, [s.x, s.y], [s.x, s.y, s.depth], s.color, s.params, Kind.field);
	});
	return data;
}

interface FieldStar {
	x: number;
	y: number;
	depth: number;
	brightness: number;
	color: Rgb;
	params: [number, number, number, number];
}

/** A uniform sky plus a faint tilted band (a hint of the Milky Way), mostly faint, a few bright. */
function makeField(rng: Rng, n: number): FieldStar[] {
	const stars: FieldStar[] = [];
	const bandAngle = 0.42;
	const ca = Math.cos(bandAngle);
	const sa = Math.sin(bandAngle);
	for (let k = 0; k < n; k++) {
		let x: number;
		let y: number;
		const inBand = rng() < 0.3;
		if (inBand) {
			const along = rng() * 3.2 - 1.6;
			const across = gaussian(rng) * 0.16;
			x = along * ca - across * sa;
			y = 0.25 + along * sa + across * ca;
		} else {
			x = rng() * 2.08 - 1.04;
			y = rng() * 2.08 - 1.04;
		}
		if (x < -1.06 || x > 1.06 || y < -1.06 || y > 1.06) {
			x = rng() * 2.08 - 1.04;
			y = rng() * 2.08 - 1.04;
		}
		// a steep power law, like real magnitudes: ~0.25% bright, ~2.5% middling, the rest dust
		const u = Math.max(rng(), 1e-6);
		const brightness = Math.min(1, 0.6 * Math.pow(u / 0.0025, -0.3)) * (inBand ? 0.6 : 1);
		const hue = rng();
		let color: Rgb;
		if (brightness > 0.25) {
			color =
				hue < 0.62
					? rgb.paper
					: hue < 0.82
						? mixRgb(rgb.paper, rgb.amber, 0.7)
						: hue < 0.995
							? mixRgb(rgb.paper, rgb.muted, 0.8)
							: rgb.pink;
		} else {
			color = mixRgb(rgb.muted, rgb.paper, hue);
		}
		const depth = rng();
		const size = 0.7 + 3 * Math.pow(brightness, 1.6) + (1 - depth) * 0.25;
		stars.push({
			x,
			y,
			depth,
			brightness,
			color,
			params: [size, brightness, rng() * 6.283, 0.5 + rng() * 1.8]
		});
	}
	return stars;
}
