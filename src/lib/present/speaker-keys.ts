import { actionForKey } from './keys';
import type { Presenter } from './presenter.svelte';
import { isOwnActivation, isTypingTarget } from './typing';

/**
 * The speaker view's keyboard: it drives the slides and the black screen; the dialogs live on the
 * projector, so their keys do nothing here.
 */
export function speakerKey(e: KeyboardEvent, p: Presenter): void {
	if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target)) return;
	if (isOwnActivation(e.target, e.key)) return;
	const action = actionForKey(e, { blackout: false, overlay: null });
	if (!action) return;
	if (['next', 'prev', 'first', 'last', 'blackout'].includes(action.type)) {
		e.preventDefault();
		p.dispatch(action);
	}
}
