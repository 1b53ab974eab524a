/**
 * The only reader of content/, as a pipeline of three stages: read (parse every file against its
 * schema), check (every cross-file rule in `checks/`), build (render what the pages show). Every
 * problem is reported at once, each as `content/<file>:<line> <field>: <message>`. The class polls
 * are a fourth stage (polls.ts: loadPolls), run on what the build stage made.
 */
import { buildContent } from './build';
import { runChecks } from './checks';
import { ContentError, Problems } from './problems';
import { readContent } from './read';
import type { LinkOptions } from './markdown';
import type { Content } from './types';

export { ContentError } from './problems';

/** Loads, validates and renders content/. Throws ContentError naming every problem. */
export function loadContent(root: string, links: LinkOptions = {}): Content {
	const problems = new Problems();
	const files = readContent(root, problems);
	if (files) runChecks(files, problems);
	if (!files || problems.list.length) throw new ContentError(problems.list);
	return buildContent(files, links);
}
