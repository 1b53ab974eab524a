import { CITE_NOTE_ID } from './links';

/**
 * A citation mark's two forms (see `LinkOptions.marks`), written here and nowhere else: the
 * renderer writes them, and markup that lives in a <noscript> until it is wanted (ParsedLater)
 * is turned from one to the other, since a <noscript> cannot hold another.
 */
export interface Mark {
	id: string;
	n: number;
	/** Already escaped for an attribute. */
	label: string;
	/** The sources list's page ('' for this one). */
	page: string;
}

export const markLink = ({ id, n, label, page }: Mark) =>
	`<a href="${page}#source-${id}" aria-label="${label}" title="${label}">${n}</a>`;

export const markButton = (m: Mark) =>
	`<button type="button" class="cite-mark" data-source="${m.id}" aria-label="${m.label}" ` +
	`title="${m.label}" aria-expanded="false" aria-haspopup="dialog" aria-controls="${CITE_NOTE_ID}">` +
	`${m.n}</button><noscript>${markLink(m)}</noscript>`;

const BUTTON_MARK =
	/<button type="button" class="cite-mark"[^>]*>\d+<\/button><noscript>(<a [^>]*>\d+<\/a>)<\/noscript>/g;
const LINK_MARK =
	/<sup class="cite"><a href="([^"#]*)#source-([a-z0-9-]+)" aria-label="([^"]*)" title="[^"]*">(\d+)<\/a><\/sup>/g;

/** For markup headed into a <noscript>: every mark its link. */
export const marksAsLinks = (html: string) => html.replace(BUTTON_MARK, '$1');

/** For that markup brought into a page with JavaScript: every mark its button again. */
export const marksAsButtons = (html: string) =>
	html.replace(
		LINK_MARK,
		(_, page: string, id: string, label: string, n: string) =>
			`<sup class="cite">${markButton({ id, n: Number(n), label, page })}</sup>`
	);
