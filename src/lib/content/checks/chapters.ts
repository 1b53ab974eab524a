import { sceneStates } from '../vocabulary';
import type { Check } from './check';

/**
 * Each chapter file is named after its id, names only known readings and quotes, and asks its
 * scene only for states the scene has.
 */
export const checkChapters: Check = (f, problems) => {
	const readings = new Set(f.readings.data.readings.map((r) => r.id));
	const quotes = new Set(f.quotes.data.quotes.map((q) => q.id));
	for (const { file, data, name } of f.chapters) {
		const expected = name.replace(/^\d+-/, '').replace(/\.yaml$/, '');
		if (expected !== data.id) {
			const message = `"${data.id}" does not match the file name (expected "${expected}")`;
			problems.add(file, ['id'], message);
		}
		(data.readings ?? []).forEach((r, i) => {
			if (!readings.has(r)) problems.add(file, ['readings', i], `unknown reading "${r}"`);
		});
		const states: readonly string[] = sceneStates[data.scene as keyof typeof sceneStates];
		data.steps.forEach((s, i) => {
			if (!states.includes(s.state)) {
				const message = `scene "${data.scene}" has no state "${s.state}"; it has: ${states.join(', ')}`;
				problems.add(file, ['steps', i, 'state'], message);
			}
			if (s.quote && !quotes.has(s.quote)) {
				problems.add(file, ['steps', i, 'quote'], `unknown quote "${s.quote}"`);
			}
		});
	}
};
