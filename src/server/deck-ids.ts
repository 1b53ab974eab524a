import type { Chapter } from '../lib/content/types';
import { buildDeck } from '../lib/present/deck';
import type { DeckIds } from './slides';

/** The deck's slides as ids only: what the server checks a slide change or a chapter against. */
export function deckIds(chapters: Chapter[]): DeckIds {
	return { slides: buildDeck(chapters).slides.map((s) => ({ id: s.id, chapter: s.chapter.id })) };
}
