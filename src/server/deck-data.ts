/**
 * Run once by `npm run build` (bundle.mjs), like polls-data.ts: writes the deck's slide ids, each
 * with its chapter, to .server/deck.json, so the slide routes can check a step without content/.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent } from '../lib/content/load';
import { deckIds } from './deck-ids';

const out = process.argv[2];
if (!out) throw new Error('usage: deck-data <file to write>');
writeFileSync(
	out,
	`${JSON.stringify(deckIds(loadContent(resolve('content')).chapters), null, '\t')}\n`
);
