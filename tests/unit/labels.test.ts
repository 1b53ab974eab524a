import { describe, expect, it } from 'vitest';
import { longDate } from '$lib/features/date';
import { thousands, twoDigits } from '$lib/story/labels';

describe('formatting without Intl', () => {
	it('writes dates as en-GB does, in UTC, across every month and at the day’s edges', () => {
		const intl = (iso: string) =>
			new Date(iso).toLocaleDateString('en-GB', {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			});
		for (let m = 1; m <= 12; m++) {
			const iso = `2023-${twoDigits(m)}-0${(m % 9) + 1}`;
			expect(longDate(iso)).toBe(intl(iso));
		}
		for (const iso of ['2024-01-26T00:00:00Z', '2023-12-31T23:59:59Z', '2023-12-02'])
			expect(longDate(iso)).toBe(intl(iso));
	});

	it('groups thousands as en-GB does', () => {
		for (const n of [0, 7, 999, 1000, 12345, 999999, 1234567])
			expect(thousands(n)).toBe(n.toLocaleString('en-GB'));
	});
});
