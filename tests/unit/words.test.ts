import { describe, expect, it } from 'vitest';
import { checkLength, checkText, length } from '$lib/poll/answers';
import { countWords, splitWords } from '$lib/poll/words';

describe('the word cloud’s counting', () => {
	it('folds case and drops common words', () => {
		expect(countWords(['Grief and LOVE', 'the love', 'grief'])).toEqual([
			{ word: 'grief', n: 2 },
			{ word: 'love', n: 2 }
		]);
		expect(countWords(['the', 'and of'])).toEqual([]);
	});
	it('counts a word once per answer, so one phone cannot make it loud', () => {
		expect(countWords(['sad sad sad', 'Sad'])).toEqual([{ word: 'sad', n: 2 }]);
	});
	it('keeps every script and every emoji whole', () => {
		expect(splitWords('حب وفقدان')).toEqual(['حب', 'وفقدان']);
		expect(splitWords('प्रेम और शोक')).toEqual(['प्रेम', 'और', 'शोक']);
		expect(splitWords('孤独')).toEqual(['孤独']);
		expect(splitWords('grief 😢 👨‍👩‍👦 🇬🇧')).toEqual(['grief', '😢', '👨‍👩‍👦', '🇬🇧']);
		expect(countWords(['😢', '😢 hope'])).toEqual([
			{ word: '😢', n: 2 },
			{ word: 'hope', n: 1 }
		]);
	});
	it('reads markup as words of text, never as anything else', () => {
		expect(splitWords('<b>sad</b>')).toEqual(['b', 'sad', 'b']);
	});
	it('folds composed and decomposed letters together', () => {
		expect(countWords(['Caf\u00e9', 'cafe\u0301'])).toEqual([{ word: 'café', n: 2 }]);
	});
});

describe('an answer’s text', () => {
	it('is trimmed, and refused when empty, blank or holding control characters', () => {
		expect(checkText('  lost  ')).toEqual({ ok: true, value: 'lost' });
		expect(checkText(' \t ').ok).toBe(false);
		expect(checkText('a\u0000b').ok).toBe(false);
		expect(checkText('a\u009fb').ok).toBe(false);
		expect(checkText('\u202eabc').ok).toBe(false);
		expect(checkText('\udc00').ok).toBe(false);
	});
	it('counts characters as a reader does', () => {
		expect(length('👨‍👩‍👦')).toBe(1);
		expect(length('प्रेम')).toBeLessThan(5);
	});
	it('holds at most three words on a words poll', () => {
		expect(checkLength('words', 'lonely but loved')).toBeNull();
		expect(checkLength('words', 'lonely but very loved')).toMatch(/3 words/);
		expect(checkLength('words', '...')).toMatch(/at least one word/);
		expect(checkLength('text', 'lonely but very loved')).toBeNull();
	});
});
