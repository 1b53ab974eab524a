import type { ChapterData, Located } from './located';
import { linesBefore, problem } from './located';

const LINK = /\]\(#([^)\s]+)\)/g;

/**
 * In-page links in the story (the small notes that lead to a point in the disagreements) must
 * land somewhere: a disagreement (#disagreement-<id>), a source note (#source-<id>), a chapter or
 * a step.
 */
export function checkNoteLinks(
	chapters: Located<ChapterData & { id: string }>[],
	targets: { points: string[]; sources: string[] }
): string[] {
	const anchors = new Set<string>([
		...targets.points.map((p) => `disagreement-${p}`),
		...targets.sources.map((s) => `source-${s}`),
		...chapters.flatMap(({ data }) => [data.id, ...data.steps.map((s) => s.id)])
	]);
	const problems: string[] = [];
	for (const { file, data } of chapters) {
		data.steps.forEach((step, index) => {
			for (const m of step.text.matchAll(LINK)) {
				if (anchors.has(m[1]!)) continue;
				problems.push(
					problem(
						file,
						['steps', index, 'text'],
						`link to "#${m[1]}" leads nowhere; use #disagreement-<point id>, #source-<id>, or a chapter or step id`,
						linesBefore(step.text, m.index)
					)
				);
			}
		});
	}
	return problems;
}
