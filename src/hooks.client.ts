import { nextTask } from '$lib/later';

/**
 * The router starts in a task after the one that evaluated its modules (the Svelte runtime and
 * SvelteKit's client): together they were one task of about 40 ms on this machine at 1×, four
 * times that on a phone.
 */
export const init = () => nextTask();
