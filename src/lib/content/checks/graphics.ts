import { focusProblem, type FocusIds } from '../graphics';
import { sceneText, type FeatureId, type SceneId } from '../vocabulary';
import type { Check } from './check';

/**
 * The reading chapters' graphics draw what the content names: each clue points to a known moment
 * and appears at a known beat, each moment sits at a known beat (the clue timeline places them on
 * the beats' axis), and a step's `focus` names things its chapter's graphic shows.
 */
export const checkGraphics: Check = (f, problems) => {
	const moments = f.evidence.data.moments.map((m) => m.id);
	const beats = f.beats.data.beats.map((b) => b.id);
	const onAxis = (at: (string | number)[], beat: string) => {
		if (!beats.includes(beat))
			problems.add(f.evidence.file, at, `unknown beat "${beat}"; known: ${beats.join(', ')}`);
	};
	f.evidence.data.moments.forEach((m, i) => onAxis(['moments', i, 'beat'], m.beat));
	f.evidence.data.clues.forEach((c, i) => {
		if (!moments.includes(c.moment))
			problems.add(
				f.evidence.file,
				['clues', i, 'moment'],
				`unknown moment "${c.moment}"; known: ${moments.join(', ')}`
			);
		onAxis(['clues', i, 'seen'], c.seen);
	});
	const ids: FocusIds = {
		clues: f.evidence.data.clues.map((c) => c.id),
		chapterReadings: [],
		beats: f.beats.data.beats.map((b) => b.id),
		quotes: f.quotes.data.quotes.map((q) => q.id),
		points: f.disagreements.data.points.map((p) => p.id),
		sources: f.sources.data.sources.map((s) => s.id)
	};
	for (const { file, data } of f.chapters) {
		for (const key of sceneText[data.scene as SceneId] ?? [])
			if (!data.sceneData?.[key])
				problems.add(file, ['sceneData', key], `the ${data.scene} scene draws this text; give it`);
		const feature = data.feature as FeatureId | undefined;
		const chapterReadings = feature === 'readings' ? (data.readings ?? []) : [];
		data.steps.forEach((s, i) => {
			(s.focus ?? []).forEach((id, j) => {
				const problem = focusProblem(id, feature, { ...ids, chapterReadings });
				if (problem) problems.add(file, ['steps', i, 'focus', j], problem);
			});
			if (s.point === undefined) return;
			if (feature !== 'readings')
				problems.add(file, ['steps', i, 'point'], 'only a readings graphic sets out a point');
			else if (!ids.points.includes(s.point))
				problems.add(
					file,
					['steps', i, 'point'],
					`unknown disagreement point "${s.point}"; known: ${ids.points.join(', ')}`
				);
		});
	}
};
