const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * A source's ISO date as readers write it: "2 December 2023" (read in UTC, so never a day off).
 * Spelled out by hand: the first `toLocaleDateString` on a page loads the browser's locale data,
 * about 40 ms of a phone's main thread in the middle of hydration, for one fixed English format.
 */
export function longDate(iso: string): string {
	const d = new Date(iso);
	return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
