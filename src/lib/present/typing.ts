/**
 * True when a key press belongs to a field the user is typing in, so the slide keys must leave
 * it alone (a "g" typed into the go-to box is a digit's neighbour, not a command).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	const tag = el?.tagName;
	return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !!el?.isContentEditable;
}

/** A focused button or link keeps its own Space and Enter. */
export function isOwnActivation(target: EventTarget | null, key: string): boolean {
	const tag = (target as HTMLElement | null)?.tagName;
	return (tag === 'BUTTON' || tag === 'A') && (key === ' ' || key === 'Enter');
}
