/**
 * Arrow-key movement in a wrapping grid of buttons (the overview): returns the index to focus, or
 * null when the key is not a move or focus is outside the grid. The column count is read from the
 * layout, since the grid wraps with the window's width.
 */
export function gridMove(items: HTMLElement[], active: Element | null, key: string): number | null {
	const at = items.indexOf(active as HTMLElement);
	if (at < 0) return null;
	const cell = items[0]?.parentElement;
	const cols = Math.max(
		1,
		Math.round((cell?.parentElement?.clientWidth ?? 1) / (cell?.clientWidth ?? 1))
	);
	const moves: Record<string, number> = {
		ArrowRight: 1,
		ArrowLeft: -1,
		ArrowDown: cols,
		ArrowUp: -cols,
		Home: -items.length,
		End: items.length
	};
	const d = moves[key];
	if (d === undefined) return null;
	return Math.min(items.length - 1, Math.max(0, at + d));
}
