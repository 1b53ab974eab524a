import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The local stand-ins in fonts.css hold the page's lines where the web faces will set them. Their
 * sizes come from published average character widths (xWidthAvg ÷ unitsPerEm, as listed by
 * @capsizecss/metrics 4.3.0); DejaVu, which that list lacks, is measured in the browser
 * (tests/e2e/startup.spec.ts measures every stand-in the machine has).
 */
const WIDTH = {
	Newsreader: 857 / 2000,
	Inter: 978 / 2048,
	Georgia: 913 / 2048,
	'Noto Serif': 481 / 1000,
	'Times New Roman': 832 / 2048,
	Arial: 913 / 2048,
	Helvetica: 913 / 2048,
	Roboto: 911 / 2048
};
const METRICS = {
	Newsreader: { ascent: 0.735, descent: 0.265 },
	Inter: { ascent: 0.97, descent: 0.24 }
};
const LOCAL: Record<string, keyof typeof WIDTH> = {
	'Newsreader Georgia': 'Georgia',
	'Newsreader Noto': 'Noto Serif',
	'Newsreader Times': 'Times New Roman',
	'Inter Arial': 'Arial',
	'Inter Helvetica': 'Helvetica',
	'Inter Roboto': 'Roboto'
};

interface Face {
	family: string;
	italic: boolean;
	src: string;
	size: number;
	ascent: number;
	descent: number;
}

const css = readFileSync(new URL('../../src/lib/styles/fonts.css', import.meta.url), 'utf8');
const faces: Face[] = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
	const get = (name: string) => body!.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1] ?? '';
	const pct = (name: string) => parseFloat(get(name)) / 100;
	return {
		family: get('font-family').replace(/'/g, ''),
		italic: get('font-style') === 'italic',
		src: get('src'),
		size: pct('size-adjust'),
		ascent: pct('ascent-override'),
		descent: pct('descent-override')
	};
});
const web = (f: Face) => (f.family.startsWith('Inter') ? 'Inter' : 'Newsreader');

describe('the local stand-ins for the web faces', () => {
	it('cover every platform font the stacks name, in roman and, for the serif, italic', () => {
		expect(faces.map((f) => `${f.family}${f.italic ? ' italic' : ''}`)).toEqual([
			'Newsreader Georgia',
			'Newsreader Georgia italic',
			'Newsreader Noto',
			'Newsreader Noto italic',
			'Newsreader Times',
			'Newsreader Times italic',
			'Newsreader DejaVu',
			'Newsreader DejaVu italic',
			'Inter Arial',
			'Inter Helvetica',
			'Inter Roboto',
			'Inter DejaVu'
		]);
		const tokens = readFileSync(
			new URL('../../src/lib/styles/tokens.css', import.meta.url),
			'utf8'
		);
		for (const f of faces) expect(tokens).toContain(`'${f.family}'`);
	});

	it('are sized by the ratio of the web face to the local font', () => {
		for (const f of faces.filter((f) => LOCAL[f.family])) {
			expect(f.size, f.family).toBeCloseTo(WIDTH[web(f)] / WIDTH[LOCAL[f.family]!], 3);
		}
	});

	it("keep the web face's ascent and descent once scaled, so no baseline moves", () => {
		for (const f of faces) {
			expect(f.ascent * f.size, f.family).toBeCloseTo(METRICS[web(f)].ascent, 2);
			expect(f.descent * f.size, f.family).toBeCloseTo(METRICS[web(f)].descent, 2);
		}
	});

	it("narrow a slanted roman by Newsreader Italic's ratio to its roman, and nothing else", () => {
		const pair = (family: string) => faces.filter((f) => f.family === family);
		const [roman, italic] = pair('Newsreader DejaVu');
		// Its own italic where there is one, else the roman, slanted.
		expect(italic!.src).toMatch(/^local\('DejaVu Serif Italic'\).*local\('DejaVu Serif'\)$/);
		expect(italic!.size / roman!.size).toBeCloseTo(0.936, 2);
		for (const family of ['Newsreader Georgia', 'Newsreader Noto', 'Newsreader Times']) {
			const [r, i] = pair(family);
			expect(i!.size).toBe(r!.size);
			expect(i!.src).toMatch(/Italic/);
		}
	});
});
