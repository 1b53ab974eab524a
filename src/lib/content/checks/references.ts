import type { Check } from './check';

/**
 * The data files point at each other by id: beats at chapters, readings' verdicts at beats (one
 * for every beat), clues and claims at sources.
 */
export const checkReferences: Check = (f, problems) => {
	const chapters = new Set(f.chapters.map((c) => c.data.id));
	const sources = new Set(f.sources.data.sources.map((s) => s.id));
	const beats = f.beats.data.beats.map((b) => b.id);

	f.beats.data.beats.forEach((b, i) => {
		if (!chapters.has(b.chapter))
			problems.add(f.beats.file, ['beats', i, 'chapter'], `unknown chapter "${b.chapter}"`);
	});
	f.readings.data.readings.forEach((r, i) => {
		for (const beat of beats) {
			if (!r.verdicts[beat])
				problems.add(f.readings.file, ['readings', i, 'verdicts'], `no verdict for beat "${beat}"`);
		}
		for (const beat of Object.keys(r.verdicts)) {
			if (!beats.includes(beat))
				problems.add(f.readings.file, ['readings', i, 'verdicts', beat], `unknown beat "${beat}"`);
		}
	});
	f.evidence.data.clues.forEach((c, i) => {
		c.citations.forEach((id, j) => {
			if (!sources.has(id))
				problems.add(f.evidence.file, ['clues', i, 'citations', j], `unknown source "${id}"`);
		});
	});
	f.disagreements.data.points.forEach((p, i) => {
		p.claims.forEach((c, j) => {
			if (!sources.has(c.source)) {
				const path = ['points', i, 'claims', j, 'source'];
				problems.add(f.disagreements.file, path, `unknown source "${c.source}"`);
			}
		});
	});
};
