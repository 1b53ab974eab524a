import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { runProgress, timeFor } from '../../src/lib/scenes/timeline-math';
import { sceneIds, sceneStates } from '../../src/lib/scenes/registry';
import { sceneComponents } from '../../src/lib/scenes/index';

/** Scenes drawn as HTML from their chapter's data (the reading chapters' graphics). */
const graphicScenes = new Set([
	'evidence',
	'readings',
	'lenses',
	'voices',
	'disagreements',
	'sources'
]);

describe('timeFor', () => {
	const labels = { a: 0, b: 1, c: 2 };
	it('seeks label + progress × segment', () => {
		expect(timeFor(labels, 3, 'a', 0, false)).toBe(0);
		expect(timeFor(labels, 3, 'b', 0.5, false)).toBe(1.5);
		expect(timeFor(labels, 3, 'c', 1, false)).toBe(3);
	});
	it('shows the final look of the state under reduced motion', () => {
		expect(timeFor(labels, 3, 'a', 0, true)).toBe(1);
		expect(timeFor(labels, 3, 'b', 0.2, true)).toBe(2);
		expect(timeFor(labels, 3, 'c', 0, true)).toBe(3);
	});
	it('clamps progress and survives unknown states and NaN', () => {
		expect(timeFor(labels, 3, 'b', 7, false)).toBe(2);
		expect(timeFor(labels, 3, 'b', Number.NaN, false)).toBe(1);
		expect(timeFor(labels, 3, 'zzz', 0.5, false)).toBe(0);
	});
	it('does not depend on the order labels were added', () => {
		expect(timeFor({ c: 2, a: 0, b: 1 }, 3, 'a', 1, false)).toBe(1);
	});
});

describe('runProgress', () => {
	it('plays a state named by consecutive steps once across them', () => {
		const states = ['facing', 'facing', 'closer', 'closer'];
		expect(runProgress(states, 0, 0)).toBe(0);
		expect(runProgress(states, 0, 1)).toBe(0.5);
		expect(runProgress(states, 1, 0)).toBe(0.5);
		expect(runProgress(states, 1, 1)).toBe(1);
		expect(runProgress(states, 3, 0.5)).toBe(0.75);
	});
	it('equals the step progress for a state with one step', () => {
		expect(runProgress(['a', 'b', 'c'], 1, 0.3)).toBeCloseTo(0.3);
		expect(runProgress(['a'], -1, 0.3)).toBe(0);
	});
});

describe('scene components', () => {
	it('every scene id in the registry has a drawing', () => {
		for (const id of sceneIds) expect(sceneComponents[id], id).toBeTypeOf('function');
	});

	it('every scene prerenders an SVG still, for every state, with no GSAP on the server', () => {
		for (const id of sceneIds)
			for (const state of sceneStates[id]) {
				const { body } = render(sceneComponents[id], {
					props: {
						state,
						stepIndex: 0,
						progress: 0,
						data: { typed: 'EXT SUBURBAN HOUSE 1987', novel: 'Strangers', added: 'All of Us' }
					}
				});
				// The reading chapters' graphics are HTML drawn from their chapter's data; the rest are SVG.
				if (!graphicScenes.has(id)) expect(body, `${id}/${state}`).toContain('<svg');
				expect(body).toContain('scene-root');
			}
	});

	it('the page scene prerenders the whole typed line, one letter per glyph', () => {
		const { body } = render(sceneComponents.page, {
			props: { state: 'blank', stepIndex: -1, progress: 0, data: { typed: 'EXT 1987' } }
		});
		expect(body.match(/class="ch/g)?.length).toBe(8);
	});
});
