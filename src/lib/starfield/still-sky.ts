/**
 * The settled sky as a few hundred SVG circles, rendered into the prerendered HTML: the finale's
 * still for readers without JavaScript and for print (a WebGL canvas does not print reliably).
 * Pure and deterministic, so the server and the browser produce identical markup.
 */
import { generateStars } from './generate-stars';
import { toPercent } from './layout';
import { palette } from './palette';

export interface StillStar {
	left: number;
	top: number;
	r: number;
	color: string;
	opacity: number;
}

export function stillSky(seed: number, count = 240): StillStar[] {
	// the brightest of a small generation: cheap enough to run during SSR and hydration
	const data = generateStars({ seed, fieldCount: count * 6, chapterCount: 0 });
	const out: StillStar[] = [];
	for (let k = 0; k < count; k++) {
		const i = data.fieldStart + k;
		const b = data.params[i * 4 + 1] as number;
		const { left, top } = toPercent([data.end[i * 3] as number, data.end[i * 3 + 1] as number]);
		const c = [0, 1, 2].map((j) => Math.round((data.color[i * 3 + j] as number) * 255));
		out.push({
			left: round(left),
			top: round(top),
			r: round(0.5 + 1.3 * b),
			color: `rgb(${c.join(' ')})`,
			opacity: round(0.35 + 0.65 * b)
		});
	}
	const warm = toPercent([data.end[0] as number, data.end[1] as number]);
	out.push({
		left: round(warm.left),
		top: round(warm.top),
		r: 3,
		color: palette.sodium,
		opacity: 1
	});
	return out;
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}
