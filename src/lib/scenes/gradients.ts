/**
 * Every gradient the drawings use, in one table: the scenes' SVG (through `Gradients.svelte`)
 * and the link-preview image (through `gradientMarkup`) render from it, so a colour is set once.
 * Ids are page-wide, since every scene's SVG shares the document: a scene's own gradients carry
 * its name.
 */
export interface Gradient {
	radial?: boolean;
	/** The gradient's geometry: x1/y1/x2/y2 for a linear one, cx/cy/r for a radial one. */
	at?: Record<string, string>;
	/** offset, colour and, where it is not opaque, opacity. */
	stops: [offset: string, color: string, opacity?: string][];
}

const down = { x1: '0', y1: '0', x2: '0', y2: '1' };
const across = { x1: '0', y1: '0', x2: '1', y2: '0' };
const at = (cx: string, cy: string, r: string) => ({ cx, cy, r });

/** Stops written as `offset colour [opacity]`, separated by commas. */
function parse(stops: string): Gradient['stops'] {
	return stops.split(',').map((stop) => {
		const [offset, color, opacity] = stop.trim().split(/\s+/);
		return opacity === undefined ? [offset!, color!] : [offset!, color!, opacity];
	});
}
const linear = (geometry: Record<string, string>, stops: string): Gradient => ({
	at: geometry,
	stops: parse(stops)
});
const radial = (geometry: Record<string, string> | undefined, stops: string): Gradient => ({
	radial: true,
	at: geometry,
	stops: parse(stops)
});

export const gradients = {
	// Shared by every scene (parts/Defs.svelte).
	'tower-glow': radial(undefined, '0 #f4a259 0.55, 0.35 #f4a259 0.16, 1 #f4a259 0'),
	'amber-glow': radial(undefined, '0 #e9b872 0.6, 0.4 #e9b872 0.18, 1 #e9b872 0'),
	'static-glow': radial(undefined, '0 #7fa7d9 0.45, 0.45 #7fa7d9 0.12, 1 #7fa7d9 0'),
	'night-sky': linear(down, '0 #05080f, 0.55 #0b1020, 1 #1a2340'),
	'dusk-sky': linear(down, '0 #151b30, 0.5 #2f3b66, 0.82 #6a5a7a, 1 #c98a63'),
	// The scenes' own.
	'train-dark': linear(down, '0 #0b1020, 1 #1b2340'),
	'house-room': linear(down, '0 #5a3d22, 0.6 #8a6234, 1 #3a2716'),
	'knock-wall': linear(down, '0 #0a0e1b, 1 #141a2e'),
	'knock-corridor': linear(down, '0 #f3e6c9, 1 #d9b98a'),
	'knock-spill': radial(at('0.5', '0', '0.8'), '0 #f3e6c9 0.35, 1 #f3e6c9 0'),
	'goodbye-cone': radial(at('0.5', '0', '1'), '0 #f6d49a 0.55, 0.6 #e9b872 0.12, 1 #e9b872 0'),
	'harry-haze': linear(down, '0 #f4a259 0, 0.55 #f4a259 0.14, 1 #f4a259 0'),
	'record-glow': radial(undefined, '0 #fffaf0 1, 0.25 #fbe3bf 0.8, 0.6 #f4a259 0.2, 1 #f4a259 0'),
	'record-white': radial(at('0.5', '0.34', '0.75'), '0 #fffcf5, 0.55 #fbeedb, 1 #e9d3b0'),
	'page-glow': radial(at('0.5', '0.45', '0.6'), '0 #ece7dc 0.16, 1 #ece7dc 0'),
	'conv-window': linear(across, '0 #7fa7d9 0.22, 1 #7fa7d9 0'),
	'conv-between': radial(at('0.5', '0.5', '0.5'), '0 #ece7dc 0.16, 1 #ece7dc 0'),
	// The link-preview image (social/image.ts), drawn in its own document.
	sky: linear(down, '0 #05070f, 0.55 #0b1020, 1 #1c2444'),
	slab: linear(across, '0 #0a0e1c, 1 #161d36'),
	lamp: linear(down, '0 #ffd09a, 1 #f4a259'),
	halo: radial(undefined, '0 #f4a259 0.45, 1 #f4a259 0'),
	fade: linear(across, '0 #0b1020 0.85, 0.62 #0b1020 0')
} satisfies Record<string, Gradient>;

export type GradientId = keyof typeof gradients;

/** The gradients as SVG markup, for an SVG written as a string (the link-preview image). */
export function gradientMarkup(ids: GradientId[]): string {
	return ids
		.map((id) => {
			const g = gradients[id];
			const tag = g.radial ? 'radialGradient' : 'linearGradient';
			const at = Object.entries(g.at ?? {})
				.map(([k, v]) => ` ${k}="${v}"`)
				.join('');
			const stops = g.stops
				.map(
					([offset, color, opacity]) =>
						`<stop offset="${offset}" stop-color="${color}"` +
						(opacity === undefined ? '' : ` stop-opacity="${opacity}"`) +
						'/>'
				)
				.join('');
			return `<${tag} id="${id}"${at}>${stops}</${tag}>`;
		})
		.join('\n');
}
