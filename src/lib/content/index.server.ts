import { resolve } from 'node:path';
import { loadContent } from './load';
import { loadPolls, type ContentPoll } from './polls';
import type { Content } from './types';

let cached: Content | undefined;
let polls: ContentPoll[] | undefined;

/** The story, loaded once per build. The only door to content/ for the app. */
export function getContent(): Content {
	cached ??= loadContent(resolve('content'));
	polls ??= loadPolls(resolve('content'), cached); // content/polls.yaml fails the build too
	return cached;
}
