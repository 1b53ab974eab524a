import { qrFor } from '$lib/share/qr';

/** Mark the printed address (its text) and the figure that holds its QR code (QrCode.svelte). */
export const ADDRESS_ATTR = 'data-handout-address';
export const QR_ATTR = 'data-handout-qr';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The address a printed sheet should send its readers to: the site the sheet was printed from,
 * whatever address the build was made for (the share panel reads the page's address the same way).
 */
export function siteAddress(origin: string, base: string): string {
	return `${origin}${base}/`;
}

/**
 * Writes `url` into a handout document: the printed address and a QR code for it. The prerendered
 * sheet carries the build's address, or a neutral one where the build was not told its address;
 * the sheet itself ships no script, so whoever prints it fills this in first.
 */
export async function fillAddress(doc: Document, url: string): Promise<void> {
	const figure = doc.querySelector(`[${QR_ATTR}]`);
	if (!figure) return;
	const { d, size } = await qrFor(url);
	for (const el of doc.querySelectorAll(`[${ADDRESS_ATTR}]`)) el.textContent = url;

	const svg = doc.createElementNS(SVG, 'svg');
	const width = figure.getAttribute(QR_ATTR) || '26mm';
	svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
	svg.setAttribute('role', 'img');
	svg.setAttribute('aria-label', `QR code for ${url}`);
	svg.setAttribute('shape-rendering', 'crispEdges');
	svg.setAttribute('style', `width:${width};height:${width};display:block;margin:0 auto`);
	const paper = doc.createElementNS(SVG, 'rect');
	paper.setAttribute('width', String(size));
	paper.setAttribute('height', String(size));
	paper.setAttribute('fill', '#fff');
	const ink = doc.createElementNS(SVG, 'path');
	ink.setAttribute('d', d);
	ink.setAttribute('fill', '#000');
	svg.append(paper, ink);
	const old = figure.querySelector('svg');
	if (old) old.replaceWith(svg);
	else figure.prepend(svg);
}

/**
 * The faces the sheet sets, as CSS font shorthands: the serif's roman, italic and semibold (text,
 * dek, headings) and the sans's regular and semibold (labels, captions, running head).
 */
export const HANDOUT_FACES = [
	"400 10pt 'Newsreader'",
	"italic 400 10pt 'Newsreader'",
	"600 10pt 'Newsreader'",
	"400 10pt 'Inter'",
	"600 10pt 'Inter'"
] as const;

/**
 * Resolves once every face the sheet sets has loaded (or failed, leaving its stand-in): a sheet
 * printed before then is set in the stand-ins and breaks across pages differently.
 */
export async function handoutFacesIn(doc: Document): Promise<void> {
	if (!doc.fonts) return;
	await Promise.all(HANDOUT_FACES.map((font) => doc.fonts.load(font).catch(() => [])));
	await doc.fonts.ready;
}
