/**
 * The word cloud's counting, shared by the projector, the speaker view and the summary: answers
 * are split with Intl.Segmenter (so Arabic, Chinese, Hindi and emoji each stay whole, which a
 * split on spaces or \w cannot promise), folded to one case, stripped of common English words,
 * and counted once per answer, so one phone repeating a word does not make it loud.
 */

/** Words too common to say anything about a film; an answer made only of them counts nothing. */
const STOP_WORDS = new Set(
	(
		'a an the and or but nor so yet of to in on at by for with from into onto about as is am are ' +
		"was were be been being it its it’s it's this that these those i me my mine we us our you your " +
		'he him his she her they them their what which who whom how why when where there here very ' +
		'just really quite too also not no do does did have has had will would can could should may ' +
		'might must shall than then some any all such only own same other more most much many'
	).split(/\s+/)
);

/** Emoji are not word-like to the segmenter, but each one is an answer's word here. */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

let segmenter: Intl.Segmenter | undefined;

/** The words of one answer, in order, as written (not yet folded). */
export function splitWords(text: string): string[] {
	segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
	const out: string[] = [];
	for (const s of segmenter.segment(text.normalize('NFC'))) {
		if (s.isWordLike || PICTOGRAPH.test(s.segment)) out.push(s.segment);
	}
	return out;
}

/** One case for every script that has two; scripts without case are left as they are. */
export const fold = (word: string) => word.normalize('NFKC').toLocaleLowerCase('und');

export interface WordCount {
	word: string;
	n: number;
}

/** Each word with the number of answers that hold it, the most frequent first, then A to Z. */
export function countWords(answers: Iterable<string>): WordCount[] {
	const counts = new Map<string, number>();
	for (const answer of answers) {
		const own = new Set(splitWords(answer).map(fold));
		for (const w of own) if (!STOP_WORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
	}
	return [...counts]
		.map(([word, n]) => ({ word, n }))
		.sort((a, b) => b.n - a.n || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}
