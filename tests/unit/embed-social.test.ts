import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { socialSvg, wrap } from '../../src/lib/social/image';
import { renderPng } from '../../src/lib/social/render.server';
import { woffToSfnt } from '../../src/lib/social/woff';

describe('social image', () => {
	it('unpacks a WOFF font into an sfnt with the same tables', () => {
		const woff = readFileSync('node_modules/@fontsource/inter/files/inter-latin-600-normal.woff');
		const ttf = woffToSfnt(woff);
		expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
		expect(ttf.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
		expect(ttf.length).toBe(woff.readUInt32BE(16));
	});

	it('rejects what is not WOFF', () => {
		expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/WOFF/);
	});

	it('wraps the dek and ellipsises past the last line', () => {
		expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrap('a b c d e f', 1, 2)).toEqual(['a', '…']);
	});

	it('renders 1200×630 PNG with text drawn from our own fonts', () => {
		const svg = socialSvg({
			title: 'All of Us Strangers',
			kicker: 'The ending explained',
			dek: 'A lonely man, the parents he lost as a boy, the neighbour he once turned away: the film, its ending, and how far the evidence lets us read it.'
		});
		const png = renderPng(svg);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(png.readUInt32BE(16)).toBe(1200);
		expect(png.readUInt32BE(20)).toBe(630);
		const blank = renderPng(svg.replace(/<text[\s\S]*?<\/text>/g, ''));
		// The text changed pixels: fonts were found (resvg silently drops text it cannot shape).
		expect(png.equals(blank)).toBe(false);
		if (process.env.SOCIAL_PNG) writeFileSync(process.env.SOCIAL_PNG, png);
	});
});
