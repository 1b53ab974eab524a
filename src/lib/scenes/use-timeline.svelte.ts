import { untrack } from 'svelte';
import { motion } from '$lib/motion.svelte';
import { trackNear, trackOnScreen } from '$lib/story/when-near';
import { counters, whenWanted, type Gsap, type GsapLib } from './gsap';
import { MAX_EASED_JUMP, timeFor } from './timeline-math';
import type { SceneProps } from './types';

type Timeline = ReturnType<Gsap['timeline']>;
type Animation = ReturnType<Gsap['to']>;

export interface BuildArgs {
	gsap: Gsap;
	/** The element the scene owns (never pinned); selectors below are scoped to it. */
	root: HTMLElement;
	/** `root.querySelectorAll(selector)` as an array. */
	q: (selector: string) => Element[];
	/** Reduced motion: build only what the final looks need (cross-fades at most). */
	reduced: boolean;
	data: Record<string, string>;
}

/**
 * A scene's timeline factory. It gets a fresh gsap.context and returns a timeline with one label
 * per state (see `segments`); what it changes in the prerendered markup is restored on revert.
 * `ambient` animations (a turning record) play only while the scene is on screen and motion is
 * allowed.
 */
export type TimelineFactory = (
	args: BuildArgs
) => Timeline | { timeline: Timeline; ambient: Animation[] };

/**
 * Lays out one label per state, one time unit apart, and pads the timeline to the end of the last
 * segment. A tween placed at `'state'` plays as the reader moves through that state's step(s);
 * by the segment's end the picture has settled into the state's final look.
 */
export function segments(tl: Timeline, states: readonly string[]): Timeline {
	states.forEach((s, i) => tl.addLabel(s, i));
	tl.set({}, {}, states.length);
	return tl;
}

/**
 * The shared mechanics of every scene: wait for GSAP, build the timeline inside a gsap.context
 * when the scene's chapter is near the viewport, seek it to `label + progress × segment` whenever
 * the props change, and revert everything when the chapter goes far away or the scene unmounts.
 *
 * Usage: `const scene = useScene(() => props, factory)` in the component, and
 * `<div class="scene-root" {@attach scene.attach}>` on the element it owns.
 */
export function useScene(props: () => SceneProps, factory: TimelineFactory) {
	let root = $state.raw<HTMLElement | null>(null);
	let lib = $state.raw<GsapLib | null>(null);
	let near = $state(false);
	let active = $state(false);
	let timeline = $state.raw<Timeline | null>(null);
	let ambient = $state.raw<Animation[]>([]);
	let smoothing: Animation | null = null;
	let seeked: Timeline | null = null;

	// GSAP arrives on the reader's first intent; until then the prerendered still stands.
	$effect(() => {
		if (!root) return;
		return whenWanted((l) => (lib = l));
	});

	// Build only near the viewport: off-screen scenes hold no timeline, watch or loop. Asked of
	// the page's one observer (story/when-near.ts), not an observer of its own.
	$effect(() => {
		const el = root;
		if (!el) return;
		const stop = trackNear(el.closest('section') ?? el, (n) => (near = n));
		return () => {
			stop();
			near = false;
		};
	});

	$effect(() => {
		const el = root;
		const l = lib;
		if (!el || !l || !near) return;
		const reduced = motion.reduced;
		const { gsap } = l;
		let built!: Timeline;
		let loops: Animation[] = [];
		const ctx = gsap.context(() => {
			const made = untrack(() =>
				factory({
					gsap,
					root: el,
					q: (s) => [...el.querySelectorAll(s)],
					reduced,
					data: props().data
				})
			);
			if ('timeline' in made) {
				built = made.timeline;
				loops = made.ambient;
			} else built = made;
			built.pause();
			for (const a of loops) a.pause();
		}, el);
		// Marks the scene on/off screen: canvas loops and ambient motion run only while on.
		const stopScreen = trackOnScreen(el.closest('section') ?? el, (on) => (active = on));
		counters.triggers++;
		counters.contexts++;
		timeline = built;
		ambient = loops;
		return () => {
			ambient = [];
			smoothing?.kill();
			smoothing = null;
			stopScreen();
			counters.triggers--;
			ctx.revert();
			counters.contexts--;
			timeline = null;
			seeked = null;
			active = false;
		};
	});

	$effect(() => {
		const on = active && !motion.reduced;
		for (const a of ambient) a.paused(!on);
	});

	// Seek: a function of (state, progress) alone, never of the path that led here.
	$effect(() => {
		const tl = timeline;
		const l = lib;
		if (!tl || !l) return;
		const p = props();
		const reduced = motion.reduced;
		const target = timeFor(
			tl.labels,
			tl.duration(),
			p.state,
			p.stateProgress ?? p.progress,
			reduced
		);
		untrack(() => {
			smoothing?.kill();
			smoothing = null;
			const far = Math.abs(target - tl.time()) > MAX_EASED_JUMP;
			if (reduced || seeked !== tl || far) tl.seek(target, false);
			else smoothing = l.gsap.to(tl, { time: target, duration: 0.45, ease: 'power2.out' });
			seeked = tl;
		});
	});

	return {
		/** Attach to the element the scene owns: `{@attach scene.attach}`. */
		attach: (node: HTMLElement) => {
			root = node;
			return () => {
				root = null;
			};
		},
		/** The scene's chapter is on screen (story/when-near.ts). */
		get active() {
			return active;
		},
		get reduced() {
			return motion.reduced;
		}
	};
}
