import type { Check } from './check';

/**
 * Ids are unique within each list, and chapter and step ids are unique across the whole story
 * (they are the page's anchors and the deck's slide ids).
 */
export const checkIds: Check = (f, problems) => {
	const lists = [
		[f.sources, f.sources.data.sources, 'sources'],
		[f.quotes, f.quotes.data.quotes, 'quotes'],
		[f.beats, f.beats.data.beats, 'beats'],
		[f.readings, f.readings.data.readings, 'readings'],
		[f.evidence, f.evidence.data.clues, 'clues'],
		[f.evidence, f.evidence.data.moments, 'moments'],
		[f.disagreements, f.disagreements.data.points, 'points']
	] as const;
	for (const [{ file }, items, key] of lists) {
		const seen = new Set<string>();
		items.forEach(({ id }, i) => {
			if (seen.has(id)) problems.add(file, [key, i, 'id'], `duplicate id "${id}"`);
			seen.add(id);
		});
	}

	const owner = new Map<string, string>();
	for (const { file, data } of f.chapters) {
		const claims = [
			{ id: data.id, path: ['id'], what: 'a chapter' },
			...data.steps.map((s, i) => ({ id: s.id, path: ['steps', i, 'id'], what: 'a step' }))
		];
		for (const { id, path, what } of claims) {
			const earlier = owner.get(id);
			if (earlier) problems.add(file, path, `duplicate id "${id}" (already used by ${earlier})`);
			else owner.set(id, `${what} in ${file.name}`);
		}
	}
};
