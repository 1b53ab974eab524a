import type { Path, YamlFile } from '../problems';
import type { ContentFiles } from '../read';

/** One field of content/ written in Markdown, with where it stands. */
export interface MarkdownField {
	file: YamlFile;
	path: Path;
	md: string;
}

/**
 * Every Markdown field in content/, in file order: the one list the checks of citation and
 * quotation marks (and any later rule about the prose) walk.
 */
export function markdownFields(f: ContentFiles): MarkdownField[] {
	const out: MarkdownField[] = [];
	const at = (file: YamlFile, path: Path, md: string) => out.push({ file, path, md });

	for (const { file, data } of f.chapters) {
		data.steps.forEach((s, i) => {
			at(file, ['steps', i, 'text'], s.text);
			at(file, ['steps', i, 'notes'], s.notes);
		});
		(data.questions ?? []).forEach((q, i) => at(file, ['questions', i], q));
	}
	f.beats.data.beats.forEach((b, i) => at(f.beats.file, ['beats', i, 'summary'], b.summary));
	f.readings.data.readings.forEach((r, i) => {
		const path = ['readings', i];
		for (const [beat, v] of Object.entries(r.verdicts)) {
			at(f.readings.file, [...path, 'verdicts', beat, 'reason'], v.reason);
		}
		at(f.readings.file, [...path, 'summary'], r.summary);
		for (const key of ['heldBy', 'for', 'against'] as const) {
			r[key].forEach((md, j) => at(f.readings.file, [...path, key, j], md));
		}
	});
	f.evidence.data.clues.forEach((c, i) => {
		at(f.evidence.file, ['clues', i, 'clue'], c.clue);
		at(f.evidence.file, ['clues', i, 'suggests'], c.suggests);
	});
	f.disagreements.data.points.forEach((p, i) => {
		const path = ['points', i];
		p.claims.forEach((c, j) => at(f.disagreements.file, [...path, 'claims', j, 'says'], c.says));
		at(f.disagreements.file, [...path, 'conclusion'], p.conclusion);
		at(f.disagreements.file, [...path, 'reason'], p.reason);
	});
	f.sources.data.sources.forEach((s, i) => at(f.sources.file, ['sources', i, 'about'], s.about));
	at(f.story.file, ['spoiler', 'text'], f.story.data.spoiler.text);
	at(f.story.file, ['spoiler', 'chapter'], f.story.data.spoiler.chapter);
	at(f.story.file, ['credits'], f.story.data.credits);
	return out;
}
