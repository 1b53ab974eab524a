/** Where rendered links lead, and what a citation mark is. */
export interface LinkOptions {
	/** The page holding the sources list that citation marks lead to: '' (this one) or a path. */
	sourcesPage?: string;
	/**
	 * 'link' (the default): a mark is a link to its note. 'button': the article's own, whose marks
	 * open their note in place (CitePopover): a button, with the link kept for a page without
	 * JavaScript in a <noscript>. Written so at build time, a mark is not a link the router scans
	 * nor one a script must swap for a button as the page starts.
	 */
	marks?: 'link' | 'button';
}

/** The article's marks open the note in place (see `LinkOptions.marks`). */
export const ARTICLE_LINKS: LinkOptions = { marks: 'button' };

/** The element a button mark opens (CitePopover's). */
export const CITE_NOTE_ID = 'cite-note';
