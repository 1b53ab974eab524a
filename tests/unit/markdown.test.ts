import { describe, expect, it } from 'vitest';
import { typeset } from '$lib/content/markdown';

describe('typeset', () => {
	it('curls double quotation marks and apostrophes inside words', () => {
		expect(typeset(`He says "it's late".`)).toBe('He says “it’s late”.');
	});

	it('pairs single quotation marks before treating a trailing one as an apostrophe', () => {
		expect(typeset("beautiful. 'The Power of Love' plays")).toBe(
			'beautiful. ‘The Power of Love’ plays'
		);
		expect(typeset("his parents' house")).toBe('his parents’ house');
	});
});
