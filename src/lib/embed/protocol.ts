/**
 * The embed protocol of DESIGN §7, as pure functions: what the embedded page says about its
 * height, and what it accepts about the host page's viewport. Everything that reaches the page
 * from outside goes through `parseIncoming`, which answers `null` for anything not exactly in
 * one of the known shapes.
 */

/** pym.js joins its message parts with this. */
export const PYM_DELIMITER = 'xPYMx';

/** The host's viewport and the iframe's box in it, in CSS px (pym's `viewport-iframe-position`). */
export interface Viewport {
	/** Host viewport width and height. */
	vw: number;
	vh: number;
	/** The iframe's bounding box in the host viewport. */
	top: number;
	left: number;
	bottom: number;
	right: number;
}

export type Incoming =
	| { kind: 'viewport'; viewport: Viewport }
	/** A pym parent telling the child its width: pym children answer with their height. */
	| { kind: 'width'; width: number };

export type Outgoing =
	| string
	| { sentinel: 'amp'; type: 'embed-size'; height: number }
	| { type: 'strangers:height'; height: number };

/** Largest sizes we believe (px). Anything beyond is junk, not a screen. */
const MAX_SIZE = 1_000_000;
const MAX_MESSAGE = 512;

/** pym's ids are element ids; ours are `strangers-<n>`. No whitespace, no delimiter. */
const CHILD_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

/** The `childId` a pym parent (or our loader) puts in the iframe's URL, if it is a sane one. */
export function parseChildId(search: string | URLSearchParams): string | null {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const id = params.get('childId');
	return id && CHILD_ID.test(id) && !id.includes(PYM_DELIMITER) ? id : null;
}

export function pymMessage(id: string, type: string, message = ''): string {
	return ['pym', id, type, message].join(PYM_DELIMITER);
}

/** The three height messages, in the order they are posted: pym (when a child id is known), AMP, ours. */
export function heightMessages(height: number, childId: string | null): Outgoing[] {
	const h = Math.max(0, Math.ceil(height));
	const out: Outgoing[] = [];
	if (childId) out.push(pymMessage(childId, 'height', String(h)));
	out.push({ sentinel: 'amp', type: 'embed-size', height: h });
	out.push({ type: 'strangers:height', height: h });
	return out;
}

/** A strict number: a finite JS number, or a decimal string with nothing else in it. */
function num(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string' || !/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

function viewport(values: unknown[]): Viewport | null {
	if (values.length !== 6) return null;
	const n = values.map(num);
	if (n.some((x) => x === null || Math.abs(x) > MAX_SIZE)) return null;
	const [vw, vh, top, left, bottom, right] = n as number[];
	if (vw! <= 0 || vh! <= 0 || bottom! < top! || right! < left!) return null;
	return { vw: vw!, vh: vh!, top: top!, left: left!, bottom: bottom!, right: right! };
}

const VIEWPORT_KEYS = ['vw', 'vh', 'top', 'left', 'bottom', 'right'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * A message from the host page, or `null` if it is not one of ours. Accepted:
 * - pym: `pymxPYMx<childId>xPYMxviewport-iframe-positionxPYMx<vw> <vh> <top> <left> <bottom> <right>`
 *   and `pymxPYMx<childId>xPYMxwidthxPYMx<px>`, only for our own child id;
 * - our loader: `{ type: 'strangers:viewport', vw, vh, top, left, bottom, right }` with exactly
 *   those keys, all finite numbers.
 */
export function parseIncoming(data: unknown, childId: string | null): Incoming | null {
	if (typeof data === 'string') {
		if (!childId || data.length > MAX_MESSAGE) return null;
		const parts = data.split(PYM_DELIMITER);
		if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== childId) return null;
		const [, , type, body] = parts as [string, string, string, string];
		if (type === 'viewport-iframe-position') {
			if (!/^\S+( \S+){5}$/.test(body)) return null;
			const v = viewport(body.split(' '));
			return v && { kind: 'viewport', viewport: v };
		}
		if (type === 'width') {
			const w = num(body);
			return w !== null && w > 0 && w <= MAX_SIZE ? { kind: 'width', width: w } : null;
		}
		return null;
	}
	if (!isPlainObject(data) || data.type !== 'strangers:viewport') return null;
	const keys = Object.keys(data);
	if (keys.length !== VIEWPORT_KEYS.length + 1) return null;
	if (!VIEWPORT_KEYS.every((k) => typeof data[k] === 'number')) return null;
	const v = viewport(VIEWPORT_KEYS.map((k) => data[k]));
	return v && { kind: 'viewport', viewport: v };
}

/**
 * What the scroll engine should see: the host viewport's top edge in the embedded document's
 * coordinates, and the host viewport's height. Clamped to a band just around the document, so an
 * iframe far off screen reads as "before the start" or "past the end", not as nonsense.
 */
export function viewportToScroll(v: Viewport, docHeight: number): { y: number; vh: number } {
	const vh = Math.min(Math.max(1, v.vh), MAX_SIZE);
	const y = Math.min(Math.max(-v.top, -vh), Math.max(0, docHeight));
	return { y, vh };
}

/**
 * How far to push a chapter's graphic down so it stays in the host's viewport while its chapter
 * passes through it: what `position: sticky; top: 0` would do if the iframe scrolled itself.
 * `y` is the host viewport top in document px; the others are the chapter's scrolly block and
 * the graphic's height.
 */
export function stickyOffset(
	y: number,
	containerTop: number,
	containerHeight: number,
	graphicHeight: number
): number {
	const max = Math.max(0, containerHeight - graphicHeight);
	return Math.min(Math.max(0, y - containerTop), max);
}

/** Posts a height only when it changed (by a whole pixel or more). */
export function heightReporter(post: (messages: Outgoing[]) => void, childId: string | null) {
	let last = -1;
	return {
		report(height: number, force = false) {
			const h = Math.max(0, Math.ceil(height));
			if (!force && h === last) return false;
			last = h;
			post(heightMessages(h, childId));
			return true;
		}
	};
}

export type EmbedMode = 'scroll' | 'flat';
export type EmbedTheme = 'dark' | 'light';

export interface EmbedParams {
	/** The chapter asked for, if any (may be unknown: check against the content). */
	chapter: string | null;
	mode: EmbedMode;
	theme: EmbedTheme;
	childId: string | null;
	/** `spoilers=ok`: the editor's page has already warned its readers; a chapter skips its line. */
	spoilersOk: boolean;
}

/** The embed page's query: `chapter`, `mode=flat`, `theme=light`, `childId`, `spoilers=ok`. */
export function parseEmbedParams(search: string | URLSearchParams): EmbedParams {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const chapter = params.get('chapter')?.trim() || null;
	return {
		chapter: chapter && chapter.length <= 100 ? chapter : chapter ? chapter.slice(0, 100) : null,
		mode: params.get('mode') === 'flat' ? 'flat' : 'scroll',
		theme: params.get('theme') === 'light' ? 'light' : 'dark',
		childId: parseChildId(params),
		spoilersOk: params.get('spoilers') === 'ok'
	};
}

/** A height message carries nothing but a size: the one kind that may go to any origin ('*'). */
export function isSizeOnly(message: Outgoing): boolean {
	return typeof message === 'string'
		? message.split(PYM_DELIMITER)[2] === 'height'
		: message.type === 'embed-size' || message.type === 'strangers:height';
}

/**
 * The origin of the page that framed us, as far as it can be known before it speaks: pym's
 * `parentUrl` query parameter, else the referrer (our hosts send at least their origin). Null when
 * neither is a web origin; the first message the host sends then tells us (`event.origin`).
 */
export function hostOriginFrom(search: string | URLSearchParams, referrer: string): string | null {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	for (const candidate of [params.get('parentUrl'), referrer]) {
		if (!candidate) continue;
		try {
			const url = new URL(candidate);
			if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
		} catch {
			// Not a URL: try the next clue.
		}
	}
	return null;
}
