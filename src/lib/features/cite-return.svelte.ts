/**
 * Where the reader was when they followed a citation mark, so the source note can offer the way
 * back. `to` is the note they went to; `from` the id of the step (or block) they left.
 */
class CiteReturn {
	from = $state<string | null>(null);
	to = $state<string | null>(null);
}

export const citeReturn = new CiteReturn();
