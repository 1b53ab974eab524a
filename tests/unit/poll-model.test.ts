import { describe, expect, it } from 'vitest';
import {
	Buckets,
	checkBallot,
	checkPollSpec,
	CODE_ALPHABET,
	displayCode,
	makeCode,
	normaliseCode,
	percent,
	tally,
	toCsv
} from '$lib/poll/model';

const options = [
	{ id: 'yes', label: 'Yes' },
	{ id: 'no', label: 'No' }
];

describe('room codes', () => {
	it('are six characters from the typeable alphabet', () => {
		const code = makeCode(new Uint8Array([0, 1, 2, 27, 28, 255]));
		expect(code).toHaveLength(6);
		for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
		// 27 is the alphabet's last index; 28 wraps to its first; 255 % 28 is 3.
		expect(code).toBe('234Z25');
	});

	it('accept what a person types: any case, spaces, a dash', () => {
		expect(normaliseCode('kw9 yjn')).toBe('KW9YJN');
		expect(normaliseCode('KW9-YJN')).toBe('KW9YJN');
		expect(normaliseCode('KW9YJ')).toBeNull();
		expect(normaliseCode('KW0YJN')).toBeNull(); // 0 is not in the alphabet
		expect(displayCode('KW9YJN')).toBe('KW9 YJN');
	});
});

describe('checkPollSpec', () => {
	it('accepts a question with two to eight unique options, trimmed', () => {
		const r = checkPollSpec({
			question: ' Real? ',
			options: [...options, { id: 'x', label: ' X ' }]
		});
		expect(r).toEqual({
			ok: true,
			value: { question: 'Real?', options: [...options, { id: 'x', label: 'X' }] }
		});
	});

	it.each([
		[null, /JSON object/],
		[{ question: '', options }, /question/],
		[{ question: 'x'.repeat(301), options }, /300/],
		[{ question: 'Q', options: [options[0]] }, /2 to 8/],
		[
			{
				question: 'Q',
				options: Array.from({ length: 9 }, (_, i) => ({ id: `o${i}`, label: 'L' }))
			},
			/2 to 8/
		],
		[{ question: 'Q', options: [options[0], options[0]] }, /used twice/],
		[{ question: 'Q', options: [options[0], { id: 'Bad Id', label: 'L' }] }, /lowercase/],
		[{ question: 'Q', options: [options[0], { id: 'b', label: '' }] }, /label/],
		[{ question: 'Q', options: [options[0], 'b'] }, /\{ id, label \}/]
	])('refuses %j', (body, message) => {
		const r = checkPollSpec(body);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});

describe('checkBallot', () => {
	const voter = 'abcdefghijklmnop';
	it('accepts a poll id, an option id and a voter id', () => {
		expect(checkBallot({ pollId: 'p1', option: 'yes', voter })).toEqual({
			ok: true,
			value: { pollId: 'p1', option: 'yes', voter }
		});
	});
	it.each([
		[[], /object/],
		[{ option: 'yes', voter }, /pollId/],
		[{ pollId: 'p', option: 'Y E S', voter }, /option/],
		[{ pollId: 'p', option: 'yes', voter: 'short' }, /voter/],
		[{ pollId: 'p', option: 'yes', voter: 'a'.repeat(65) }, /voter/],
		[{ pollId: 'p'.repeat(65), option: 'yes', voter }, /pollId/]
	])('refuses %j', (body, message) => {
		const r = checkBallot(body);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(message);
	});
});

describe('tally and percent', () => {
	it('lists every option, ignores options the poll does not have, and sums', () => {
		expect(
			tally(options, [
				{ option: 'no', n: 3 },
				{ option: 'gone', n: 9 }
			])
		).toEqual({ counts: { yes: 0, no: 3 }, total: 3 });
	});
	it('rounds shares and is zero for an empty poll', () => {
		expect(percent(1, 3)).toBe(33);
		expect(percent(0, 0)).toBe(0);
	});
});

describe('toCsv', () => {
	it('quotes fields with commas, quotes or line breaks, and defuses formulas', () => {
		expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', '=SUM(A1)', 3]])).toBe(
			`a,"b,c","say ""hi""","x\ny",'=SUM(A1),3\r\n`
		);
	});
});

describe('Buckets', () => {
	it('allows a burst, then the refill rate, per key', () => {
		const b = new Buckets(3, 1);
		expect([1, 2, 3, 4].map(() => b.take('a', 0))).toEqual([true, true, true, false]);
		expect(b.take('b', 0)).toBe(true);
		expect(b.take('a', 999)).toBe(false);
		expect(b.take('a', 2000)).toBe(true);
	});
	it('keeps at most maxKeys buckets, evicting the oldest', () => {
		const b = new Buckets(1, 0, 2);
		b.take('a', 0);
		b.take('b', 0);
		b.take('c', 0);
		expect(b.take('a', 0)).toBe(true); // forgotten, so it starts full again
		expect(b.take('c', 0)).toBe(false);
	});
});
