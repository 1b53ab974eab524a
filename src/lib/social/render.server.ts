import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { woffToSfnt } from './woff';

/** The site's own fonts, unpacked for resvg (which reads neither WOFF nor WOFF2). */
const FONTS = [
	'@fontsource/newsreader/files/newsreader-latin-400-normal.woff',
	'@fontsource/newsreader/files/newsreader-latin-400-italic.woff',
	'@fontsource/inter/files/inter-latin-600-normal.woff'
];

let fontFiles: string[] | undefined;

function fonts(): string[] {
	if (fontFiles) return fontFiles;
	const dir = mkdtempSync(join(tmpdir(), 'strangers-fonts-'));
	fontFiles = FONTS.map((f, i) => {
		const out = join(dir, `${i}.ttf`);
		writeFileSync(out, woffToSfnt(readFileSync(resolve('node_modules', f))));
		return out;
	});
	return fontFiles;
}

/** SVG → PNG, with our fonts only: the same pixels on every machine. */
export function renderPng(svg: string): Buffer {
	const resvg = new Resvg(svg, {
		font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Newsreader' }
	});
	return Buffer.from(resvg.render().asPng());
}
