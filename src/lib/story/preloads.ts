const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g;

/**
 * Moves the head's `modulepreload` links to just before `</body>` (`modulepreload` is allowed
 * in the body). A page without a body end, or without such links, comes back unchanged.
 */
export function preloadsToBodyEnd(html: string): string {
	const end = html.lastIndexOf('</body>');
	const headEnd = html.indexOf('</head>');
	if (end < 0 || headEnd < 0) return html;
	const head = html.slice(0, headEnd);
	const links = head.match(MODULE_PRELOAD);
	if (!links) return html;
	const body = html.slice(headEnd, end);
	return (
		head.replace(MODULE_PRELOAD, '') + body + links.map((l) => l.trim()).join('') + html.slice(end)
	);
}
