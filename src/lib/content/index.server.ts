import { resolve } from 'node:path';
import { loadContent } from './load';
import type { LinkOptions } from './markdown';
import { loadPolls, type ContentPoll } from './polls';
import type { Content } from './types';

/** One rendering per kind of links (the article's own, or a deck's that lead to the article). */
const cached = new Map<string, Content>();
let polls: ContentPoll[] | undefined;

/** The story, loaded once per build (and per `links`). The only door to content/ for the app. */
export function getContent(links: LinkOptions = {}): Content {
	const key = `${links.sourcesPage ?? ''} ${links.marks ?? 'link'}`;
	let content = cached.get(key);
	if (!content) {
		content = loadContent(resolve('content'), links);
		cached.set(key, content);
	}
	polls ??= loadPolls(resolve('content'), content); // content/polls.yaml fails the build too
	return content;
}
