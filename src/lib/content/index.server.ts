import { resolve } from 'node:path';
import { loadContent } from './load';
import type { Content } from './types';

let cached: Content | undefined;

/** The story, loaded once per build. The only door to content/ for the app. */
export function getContent(): Content {
	cached ??= loadContent(resolve('content'));
	return cached;
}
