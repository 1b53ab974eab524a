/** A source's ISO date as readers write it: "2 December 2023" (read in UTC, so never a day off). */
export function longDate(iso: string): string {
	return new Date(iso).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}
