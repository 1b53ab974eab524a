/**
 * Run once by `npm run build` (bundle.mjs): resolves content/polls.yaml against the story and
 * writes it to .server/polls.json, so that the server reads data at start and needs neither
 * content/ nor the content loader's packages (devDependencies) at run time.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent } from '../lib/content/load';
import { loadPolls } from '../lib/content/polls';

const root = resolve('content');
const out = process.argv[2];
if (!out) throw new Error('usage: polls-data <file to write>');
writeFileSync(out, `${JSON.stringify(loadPolls(root, loadContent(root)), null, '\t')}\n`);
