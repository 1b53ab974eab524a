import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

/**
 * A second origin for embed tests: a tiny HTTP server on its own port (and host name, 127.0.0.1
 * against the site's localhost) serving host pages the tests write, plus pym.js.
 */
export interface Host {
	origin: string;
	/** Serves `html` at `path` from now on. Returns the page's full URL. */
	page(path: string, html: string): string;
	close(): Promise<void>;
}

const PYM = readFileSync('node_modules/pym.js/dist/pym.v1.min.js');

export async function startHost(): Promise<Host> {
	const pages = new Map<string, string>();
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/pym.v1.min.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' }).end(PYM);
			return;
		}
		if (path === '/favicon.ico') {
			res.writeHead(204).end();
			return;
		}
		const html = pages.get(path);
		if (html === undefined) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		page(path, html) {
			pages.set(path, html);
			return origin + path;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

const PARAGRAPHS = [
	'Andrew Haigh’s film arrived quietly and stayed loudly. Months after its release, readers still write in to ask what, exactly, happens on the sixth floor, and whether the parents Adam visits were ever there at all.',
	'We asked the makers of an illustrated guide to the film to let us run their piece inside this article. It follows the story from the tower block to the final image, then steps back to weigh the readings of the ending against what the film shows.',
	'A word of warning before you scroll on: the guide gives away everything, twist included. If you have not seen the film, stop here, and come back when you have.'
];

const AFTER = [
	'What stays with most viewers is not the puzzle but the feeling: that a man can be surrounded by a city and still be alone in it, and that love arriving late is still love.',
	'The film is streaming now. The guide above can also be read on its own, with a version for the classroom.',
	'Letters on this piece are welcome; the best will run in next week’s edition.'
];

/** A newspaper-style article with `embed` between its paragraphs. */
export function article(
	embed: string,
	{ head = '', title = 'The ending nobody can stop talking about' } = {}
) {
	const p = (s: string) => `<p>${s}</p>`;
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | The Evening Ledger</title>
<style>
	body { margin: 0; background: #fdfcf9; color: #1d1d1f; font: 18px/1.65 Georgia, 'DejaVu Serif', serif; }
	.mast { border-bottom: 3px double #1d1d1f; text-align: center; padding: 14px 0 8px; }
	.mast b { font: 700 34px/1 'DejaVu Serif', Georgia, serif; letter-spacing: .02em; }
	.mast nav { font: 13px/1 'DejaVu Sans', Arial, sans-serif; text-transform: uppercase; letter-spacing: .12em; margin-top: 10px; color: #555; }
	article { max-width: 680px; margin: 0 auto; padding: 24px 20px 80px; }
	.kicker { font: 700 13px/1 'DejaVu Sans', Arial, sans-serif; text-transform: uppercase; letter-spacing: .14em; color: #b3261e; }
	h1 { font-size: 40px; line-height: 1.15; margin: 10px 0 12px; }
	.byline { font: 14px/1.4 'DejaVu Sans', Arial, sans-serif; color: #555; border-bottom: 1px solid #ddd; padding-bottom: 14px; }
	.wide { margin: 32px -20px; }
	@media (min-width: 1000px) { .wide { margin: 40px calc(340px - 48vw); } }
</style>
${head}
</head>
<body>
<header class="mast"><b>The Evening Ledger</b><nav>Culture · Film · Reviews · Letters</nav></header>
<article>
	<p class="kicker">Film</p>
	<h1>${title}</h1>
	<p class="byline">By our culture desk · Saturday edition</p>
	${PARAGRAPHS.map(p).join('\n\t')}
	<div class="wide">${embed}</div>
	${AFTER.map(p).join('\n\t')}
</article>
</body>
</html>`;
}
