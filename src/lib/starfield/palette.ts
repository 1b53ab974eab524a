/**
 * DESIGN §2 palette as sRGB floats. Kept free of three.js: the shader receives these values
 * untouched (we blend in sRGB on purpose, as the 2D fallback does), so both renderers match.
 */
export type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
	const n = parseInt(hex.replace('#', ''), 16);
	return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export const palette = {
	night: '#0b1020',
	night2: '#151b30',
	sodium: '#f4a259',
	amber: '#e9b872',
	pink: '#f29bb5',
	paper: '#ece7dc',
	muted: '#9aa3b5'
} as const;

export const rgb = {
	night: hexToRgb(palette.night),
	night2: hexToRgb(palette.night2),
	sodium: hexToRgb(palette.sodium),
	amber: hexToRgb(palette.amber),
	pink: hexToRgb(palette.pink),
	paper: hexToRgb(palette.paper),
	muted: hexToRgb(palette.muted)
} as const;

export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
	return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function rgbToCss(c: Rgb, alpha = 1): string {
	const to = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
	return alpha >= 1
		? `rgb(${to(c[0])} ${to(c[1])} ${to(c[2])})`
		: `rgb(${to(c[0])} ${to(c[1])} ${to(c[2])} / ${alpha.toFixed(3)})`;
}
