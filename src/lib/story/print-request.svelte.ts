import { flushSync } from 'svelte';
import { wakeAll } from './islands';

/**
 * Whether the reader has asked to print this page. Paper shows what the screen keeps folded or
 * unparsed (see `ParsedLater`), so the parts that hold such markup bring it in when this turns.
 */
class PrintRequest {
	asked = $state(false);
}

export const printRequest = new PrintRequest();

/**
 * Listens for the browser's `beforeprint`, which comes before it lays out the pages, and applies
 * the change at once (flushSync) so the printed copy holds it. Returns the teardown.
 */
export function watchPrint(): () => void {
	const onBeforePrint = () =>
		flushSync(() => {
			// Paper gets every chapter whole, the ones the reader has not reached yet included.
			wakeAll();
			printRequest.asked = true;
		});
	window.addEventListener('beforeprint', onBeforePrint);
	return () => window.removeEventListener('beforeprint', onBeforePrint);
}
