/**
 * The starfield's shaders. Every moving thing (the windows' flight, the light, twinkle, drift) is a
 * function of uniforms and per-star attributes, so the CPU never rewrites a buffer after upload.
 * star-eval.ts mirrors this logic for the 2D fallback: change both together.
 */
import { GLSL_CURVES } from './handover';
import { TOWER, WARM_STAR } from './layout';

const glsl = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** What the vertex shader hands each star's fragments: declared once, for both stages. */
const VARYINGS = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;
varying float vShape;
varying float vGlow;
varying float vCore;
varying float vHalo;
`;

export const vertexShader = /* glsl */ `
uniform float uProgress;
uniform float uTime;
uniform float uMotion;
uniform float uAspect;
uniform float uPixelRatio;
uniform vec2 uViewport;
uniform float uMaxPointSize;

attribute vec2 aStart;
attribute vec3 aColor;
attribute vec4 aParams;
attribute vec2 aRole;

${VARYINGS}
${GLSL_CURVES}

const vec3 STARLIGHT = vec3(0.93, 0.91, 0.86);

void main() {
	float kind = aRole.x;
	float p = uProgress;
	float bright = aParams.y;
	float phase = aParams.z;
	float depth = position.z;
	float pr = uPixelRatio;
	// twinkle: faint stars scintillate more than bright ones, as they do through real air
	float twinkle = 1.0 + uMotion * mix(0.4, 0.1, bright) * sin(uTime * aParams.w + phase);
	// drift: a slow wander of a few pixels, nearer stars a little more (parallax)
	vec2 drift = uMotion * (1.15 - depth) * 0.0022
		* vec2(sin(uTime * 0.05 + phase), cos(uTime * 0.041 + phase * 1.7));
	float fill = fillAmount(p);
	// the sky is lost in the light while it is large, and comes back as it recedes
	float wash = (1.0 - fill) * (1.0 - 0.9 * glowSize(p));

	vec2 pos = position.xy;
	vec3 color = aColor;
	float alpha;
	// core radius in CSS px; the sprite is larger when there is a halo to fit
	float coreR = aParams.x * 0.5;
	float halo = 0.0;
	float shape = 0.0;
	float glow = 0.0;
	float px;

	if (kind < 0.5) {
		float t = revealThreshold(p);
		float vis = smoothstep(t, t + 0.06, bright + 0.03);
		float city = mix(0.6, 1.0, smoothstep(0.1, 0.8, p));
		alpha = vis * city * (0.04 + 0.96 * pow(bright, 1.2)) * twinkle * wash;
		halo = smoothstep(0.4, 1.0, bright) * 0.16;
		pos += drift;
	} else if (kind < 2.5) {
		float r = riseAt(aRole.y, p);
		vec2 start = vec2(aStart.x / uAspect, aStart.y);
		pos = mix(start, position.xy, r);
		pos.y += sin(r * 3.14159) * 0.1;
		pos += drift * r;
		shape = 1.0 - smoothstep(0.0, 0.3, r);
		bool lit = kind < 1.5;
		halo = lit ? mix(0.16, 0.1, r) : 0.0;
		float windowR = ${glsl(TOWER.size)} * uViewport.y * 0.25 / pr;
		coreR = mix(windowR, coreR, smoothstep(0.0, 0.4, r));
		color = mix(aColor, mix(aColor, STARLIGHT, 0.45), r);
		float pane = lit ? bright : 0.13;
		alpha = mix(pane, bright * 0.85, r) * mix(1.0, twinkle, r) * (1.0 - fill);
		// Adam's and Harry's windows end inside the light and are lost in it
		float home = length(position.xy - vec2(${glsl(WARM_STAR[0])}, ${glsl(WARM_STAR[1])}));
		alpha *= 1.0 - step(home, 0.001) * smoothstep(0.55, 1.0, r);
	} else if (kind < 3.5) {
		float gs = glowSize(p);
		glow = smoothstep(0.0, 0.1, gs);
		halo = 0.5;
		color = mix(aColor, vec3(1.0, 0.8, 0.56), glow * 0.6);
		alpha = glowPresence(p) * mix(0.94 + 0.06 * twinkle, 1.0, glow);
		float big = min(uMaxPointSize, length(uViewport) * 1.1);
		px = mix(coreR * 6.0 * pr, big, gs);
	} else {
		halo = 0.3;
		alpha = chapterReveal(p) * bright * (0.9 + 0.1 * uMotion * sin(uTime * 0.7 + phase)) * wash;
	}

	if (kind < 3.5 && kind > 2.5) {
		// px set above
	} else {
		// a sprite wide enough for the halo; the core stays coreR whatever the sprite size
		px = coreR * 2.0 * pr * (1.0 + halo * 14.0);
	}
	// sub-pixel stars: keep one pixel and trade size for alpha, so they shimmer instead of vanish
	if (px < 1.0) {
		alpha *= px * px;
		px = 1.0;
	}
	vColor = color;
	vAlpha = alpha;
	vShape = shape;
	vGlow = glow;
	vHalo = halo;
	vCore = clamp(coreR * 2.0 * pr / px, 0.04, 4.0);
	gl_PointSize = px;
	// invisible stars are moved outside the clip volume: no rasterisation, no fragment cost
	gl_Position = alpha < 0.004 ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(pos, 0.0, 1.0);
}
`;

export const fragmentShader = /* glsl */ `
${VARYINGS}
void main() {
	vec2 c = gl_PointCoord - 0.5;
	float d = length(c) * 2.0;
	// a star: a core of radius vCore (sprite units) and a faint wide halo, zero at the edge
	float edge = 1.0 - smoothstep(0.75, 1.0, d);
	float star = (exp(-0.693 * d * d / (vCore * vCore)) + vHalo * exp(-5.0 * d * d)) * edge;
	// a lit pane, a little taller than wide, soft-edged so it does not alias when small
	vec2 q = abs(c) / (vec2(0.31, 0.43) * min(vCore, 1.0));
	float pane = (1.0 - smoothstep(0.7, 1.0, q.x)) * (1.0 - smoothstep(0.7, 1.0, q.y));
	pane += vHalo * exp(-6.0 * d * d) * edge;
	// the light: a wide gaussian that reaches zero exactly at the sprite's edge (no square shows)
	float light = max(0.0, (exp(-d * d * 4.5) - 0.011109) / 0.988891);
	float a = mix(mix(star, pane, vShape), mix(star, light, vGlow), step(0.001, vGlow)) * vAlpha;
	if (a < 0.002) discard;
	gl_FragColor = vec4(vColor, min(a, 1.0));
}
`;
