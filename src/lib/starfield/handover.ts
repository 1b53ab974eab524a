/**
 * The hand-over, as functions of progress p (0..1). One table of timings feeds both the GLSL
 * (interpolated into the shader source) and the TS mirror used by the 2D fallback and the clear
 * colour, so the two renderers cannot drift apart.
 */
import { mixRgb, rgb, type Rgb } from './palette';

export const T = {
	/** a window's flight lasts this long in p, after its own delay */
	rise: 0.34,
	/** field stars revealed: brightness threshold eases from cityThreshold to 0 over this span */
	reveal: [0.12, 0.86],
	cityThreshold: 0.55,
	/** the light between them: appears, grows, peaks, recedes to a star */
	glowIn: [0.2, 0.34],
	glowGrow: [0.26, 0.58],
	glowShrink: [0.6, 0.84],
	/** the screen floods with warm light, then clears */
	fillIn: [0.44, 0.58],
	fillOut: [0.6, 0.8],
	fillStrength: 0.9,
	/** chapter stars come out once the sky has settled */
	chapters: [0.8, 0.93]
} as const;

export function smoothstep(e0: number, e1: number, x: number): number {
	const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
	return t * t * (3 - 2 * t);
}

export function riseAt(delay: number, p: number): number {
	return smoothstep(delay, delay + T.rise, p);
}

/** brightness a field star needs to be visible: only the brightest in the city sky */
export function revealThreshold(p: number): number {
	return T.cityThreshold * (1 - smoothstep(T.reveal[0], T.reveal[1], p));
}

/** 0..1: how large the light is (0 = a star, 1 = as large as a point may be) */
export function glowSize(p: number): number {
	const g = smoothstep(T.glowGrow[0], T.glowGrow[1], p);
	return g * g * (1 - smoothstep(T.glowShrink[0], T.glowShrink[1], p));
}

/** 0..1: the light's presence (before it, no warm star at all) */
export function glowPresence(p: number): number {
	return smoothstep(T.glowIn[0], T.glowIn[1], p);
}

export function fillAmount(p: number): number {
	return (
		T.fillStrength *
		smoothstep(T.fillIn[0], T.fillIn[1], p) *
		(1 - smoothstep(T.fillOut[0], T.fillOut[1], p))
	);
}

export function chapterReveal(p: number): number {
	return smoothstep(T.chapters[0], T.chapters[1], p);
}

/** the flood passes through a dusky rose ember on its way to cream, never through grey */
export const EMBER: Rgb = mixRgb(rgb.night, mixRgb(rgb.sodium, rgb.pink, 0.4), 0.42);
export const FILL_COLOR: Rgb = mixRgb(rgb.amber, rgb.paper, 0.55);

export function clearColorAt(p: number): Rgb {
	const f = fillAmount(p);
	return f < 0.5 ? mixRgb(rgb.night, EMBER, f * 2) : mixRgb(EMBER, FILL_COLOR, f * 2 - 1);
}

/** The same curves in GLSL, built from the same numbers. */
export const GLSL_CURVES = /* glsl */ `
float riseAt(float delay, float p) { return smoothstep(delay, delay + ${f(T.rise)}, p); }
float revealThreshold(float p) {
	return ${f(T.cityThreshold)} * (1.0 - smoothstep(${f(T.reveal[0])}, ${f(T.reveal[1])}, p));
}
float glowSize(float p) {
	float g = smoothstep(${f(T.glowGrow[0])}, ${f(T.glowGrow[1])}, p);
	return g * g * (1.0 - smoothstep(${f(T.glowShrink[0])}, ${f(T.glowShrink[1])}, p));
}
float glowPresence(float p) { return smoothstep(${f(T.glowIn[0])}, ${f(T.glowIn[1])}, p); }
float fillAmount(float p) {
	return ${f(T.fillStrength)} * smoothstep(${f(T.fillIn[0])}, ${f(T.fillIn[1])}, p)
		* (1.0 - smoothstep(${f(T.fillOut[0])}, ${f(T.fillOut[1])}, p));
}
float chapterReveal(float p) { return smoothstep(${f(T.chapters[0])}, ${f(T.chapters[1])}, p); }
`;

function f(n: number): string {
	return Number.isInteger(n) ? n.toFixed(1) : String(n);
}
