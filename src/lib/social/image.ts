import { mulberry32 as random } from '../random';
import { SOCIAL_IMAGE } from './image-spec';
import { gradientMarkup } from '../scenes/gradients';

function escapeText(s: string): string {
	return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The social image as SVG: a graded night sky with stars, the tower block with two lit windows
 * (Adam's high up, Harry's floors below), and the title. Our own drawing (DESIGN §2).
 */
export function socialSvg({ title, kicker, dek }: { title: string; kicker: string; dek: string }) {
	const { width: W, height: H } = SOCIAL_IMAGE;
	const rnd = random(1987);

	const stars: string[] = [];
	for (let i = 0; i < 220; i++) {
		const x = rnd() * W;
		const y = rnd() * H * 0.85;
		const r = rnd() < 0.08 ? 1.8 : 0.6 + rnd() * 0.8;
		const o = (0.25 + rnd() * 0.6) * (1 - y / H);
		stars.push(
			`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(2)}" opacity="${o.toFixed(2)}"/>`
		);
	}

	// The tower: a slab on the right, 8 columns by 22 floors of windows.
	const tx = 860;
	const ty = 70;
	const tw = 260;
	const cols = 7;
	const rows = 22;
	const cw = tw / cols;
	const rh = (H - ty) / rows;
	const adam = { c: 4, r: 3 };
	const harry = { c: 2, r: 15 };
	const windows: string[] = [];
	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			const x = tx + c * cw + cw * 0.22;
			const y = ty + r * rh + rh * 0.25;
			const lit = (c === adam.c && r === adam.r) || (c === harry.c && r === harry.r);
			const fill = lit ? 'url(#lamp)' : rnd() < 0.05 ? '#1d2640' : '#111830';
			windows.push(
				`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(cw * 0.56).toFixed(1)}" height="${(rh * 0.5).toFixed(1)}" fill="${fill}"/>`
			);
		}
	}
	const glow = (p: { c: number; r: number }) =>
		`<circle cx="${(tx + p.c * cw + cw / 2).toFixed(1)}" cy="${(ty + p.r * rh + rh / 2).toFixed(1)}" r="46" fill="url(#halo)"/>`;

	return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
${gradientMarkup(['sky', 'slab', 'lamp', 'halo', 'fade'])}
</defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/>
<g fill="#ece7dc">${stars.join('')}</g>
<path d="M0 ${H} L0 560 L60 560 L60 520 L140 520 L140 575 L230 575 L230 540 L300 540 L300 590 L420 590 L420 555 L520 555 L520 600 L640 600 L640 565 L760 565 L760 ${H} Z" fill="#080b16"/>
<rect x="${tx - 10}" y="${ty - 14}" width="${tw + 20}" height="${H - ty + 14}" fill="url(#slab)"/>
<rect x="${tx - 10}" y="${ty - 14}" width="${tw + 20}" height="6" fill="#1f2742"/>
${windows.join('\n')}
${glow(adam)}${glow(harry)}
<rect width="${W}" height="${H}" fill="url(#fade)"/>
<text x="72" y="160" font-family="Inter SemiBold, Inter" font-weight="600" font-size="22" letter-spacing="4" fill="#f4a259">${escapeText(kicker.toUpperCase())}</text>
<text x="66" y="270" font-family="Newsreader" font-size="96" fill="#ece7dc">${escapeText(title)}</text>
${wrap(dek, 46)
	.map(
		(line, i) =>
			`<text x="72" y="${336 + i * 42}" font-family="Newsreader" font-style="italic" font-size="30" fill="#c9ccd6">${escapeText(line)}</text>`
	)
	.join('\n')}
</svg>`;
}

/** Greedy word wrap by characters: enough for a one-sentence dek in a known font size. */
export function wrap(text: string, width: number, maxLines = 4): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:]*\S*$/, '')}…`;
		return kept;
	}
	return lines;
}
