import { describe, expect, it } from 'vitest';
import {
	heightMessages,
	heightReporter,
	parseChildId,
	parseEmbedParams,
	parseIncoming,
	pymMessage,
	stickyOffset,
	viewportToScroll,
	type Outgoing
} from '../../src/lib/embed/protocol';
import { embedSnippet, embedUrl } from '../../src/lib/embed/snippet';

const ID = 'strangers-1';
const pymViewport = (body: string, id = ID) =>
	`pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx${body}`;
const ours = {
	type: 'strangers:viewport',
	vw: 1280,
	vh: 720,
	top: -400,
	left: 0,
	bottom: 3600,
	right: 1280
};

describe('height messages', () => {
	it('speaks pym, AMP and our own JSON', () => {
		expect(heightMessages(1234.2, ID)).toEqual([
			'pymxPYMxstrangers-1xPYMxheightxPYMx1235',
			{ sentinel: 'amp', type: 'embed-size', height: 1235 },
			{ type: 'strangers:height', height: 1235 }
		]);
	});

	it('leaves pym out without a child id', () => {
		expect(heightMessages(10, null)).toHaveLength(2);
	});

	it('posts only when the height changes', () => {
		const sent: Outgoing[][] = [];
		const r = heightReporter((m) => sent.push(m), ID);
		expect(r.report(100)).toBe(true);
		expect(r.report(99.6)).toBe(false);
		expect(r.report(100)).toBe(false);
		expect(r.report(100, true)).toBe(true);
		expect(r.report(180)).toBe(true);
		expect(sent).toHaveLength(3);
	});
});

describe('parseIncoming', () => {
	it("reads pym's viewport-iframe-position for our child id", () => {
		expect(parseIncoming(pymViewport('1280 720 -400.5 0 3600 1280'), ID)).toEqual({
			kind: 'viewport',
			viewport: { vw: 1280, vh: 720, top: -400.5, left: 0, bottom: 3600, right: 1280 }
		});
	});

	it("reads pym's width message", () => {
		expect(parseIncoming(pymMessage(ID, 'width', '640'), ID)).toEqual({
			kind: 'width',
			width: 640
		});
	});

	it("reads our loader's viewport message", () => {
		expect(parseIncoming(ours, null)).toEqual({
			kind: 'viewport',
			viewport: { vw: 1280, vh: 720, top: -400, left: 0, bottom: 3600, right: 1280 }
		});
	});

	const junk: [string, unknown][] = [
		['undefined', undefined],
		['null', null],
		['a number', 42],
		['an empty string', ''],
		['an array', [1280, 720, 0, 0, 0, 0]],
		['a date', new Date()],
		['pym for another child', pymViewport('1280 720 0 0 100 1280', 'other')],
		['pym with an id prefix of ours', pymViewport('1280 720 0 0 100 1280', 'strangers-10')],
		['pym with five numbers', pymViewport('1280 720 0 0 100')],
		['pym with seven numbers', pymViewport('1280 720 0 0 100 1280 5')],
		['pym with double spaces', pymViewport('1280  720 0 0 100 1280')],
		['pym with a trailing space', pymViewport('1280 720 0 0 100 1280 ')],
		['pym with a word', pymViewport('1280 720 zero 0 100 1280')],
		['pym with NaN', pymViewport('1280 720 NaN 0 100 1280')],
		['pym with Infinity', pymViewport('1280 720 Infinity 0 100 1280')],
		['pym with hex', pymViewport('0x500 720 0 0 100 1280')],
		['pym with a zero viewport', pymViewport('1280 0 0 0 100 1280')],
		['pym with bottom above top', pymViewport('1280 720 100 0 0 1280')],
		['pym with huge numbers', pymViewport('1280 720 -1e300 0 100 1280')],
		['pym with an extra delimiter', `${pymViewport('1280 720 0 0 100 1280')}xPYMxmore`],
		['pym with an unknown type', pymMessage(ID, 'navigateTo', 'https://evil.example')],
		['pym height (ours, echoed)', pymMessage(ID, 'height', '1200')],
		['pym width of zero', pymMessage(ID, 'width', '0')],
		['a long string', pymViewport('1 '.repeat(400) + '1')],
		['our shape as a JSON string', JSON.stringify(ours)],
		['our shape with an extra key', { ...ours, extra: 1 }],
		[
			'our shape missing a key',
			{ type: 'strangers:viewport', vw: 1280, vh: 720, top: 0, left: 0, bottom: 10 }
		],
		['our shape with a string number', { ...ours, top: '-400' }],
		['our shape with NaN', { ...ours, vh: NaN }],
		['our shape with Infinity', { ...ours, top: -Infinity }],
		['our shape with a negative viewport', { ...ours, vw: -1 }],
		['another type', { ...ours, type: 'strangers:height' }],
		['AMP embed-size', { sentinel: 'amp', type: 'embed-size', height: 10 }],
		['a class instance', Object.assign(Object.create({ x: 1 }), ours)]
	];
	it.each(junk)('ignores %s', (_, data) => {
		expect(parseIncoming(data, ID)).toBeNull();
	});

	it('ignores pym messages when no child id was given', () => {
		expect(parseIncoming(pymViewport('1280 720 0 0 100 1280', 'undefined'), null)).toBeNull();
	});
});

describe('viewport to scroll', () => {
	const v = { vw: 1000, vh: 800, top: -1500, left: 0, bottom: 2500, right: 1000 };
	it('turns the iframe top into the scroll offset of the embedded document', () => {
		expect(viewportToScroll(v, 4000)).toEqual({ y: 1500, vh: 800 });
	});
	it('clamps far above and far below', () => {
		expect(viewportToScroll({ ...v, top: 5000 }, 4000)).toEqual({ y: -800, vh: 800 });
		expect(viewportToScroll({ ...v, top: -9000 }, 4000)).toEqual({ y: 4000, vh: 800 });
	});
});

describe('stickyOffset', () => {
	it('holds the graphic at the viewport top while its block passes', () => {
		expect(stickyOffset(-100, 500, 3000, 800)).toBe(0);
		expect(stickyOffset(900, 500, 3000, 800)).toBe(400);
		expect(stickyOffset(5000, 500, 3000, 800)).toBe(2200);
		expect(stickyOffset(900, 500, 600, 800)).toBe(0);
	});
});

describe('query', () => {
	it('reads chapter, mode, theme, childId and spoilers', () => {
		expect(
			parseEmbedParams('?chapter=home&mode=flat&theme=light&childId=strangers-2&spoilers=ok')
		).toEqual({
			chapter: 'home',
			mode: 'flat',
			theme: 'light',
			childId: 'strangers-2',
			spoilersOk: true
		});
		expect(parseEmbedParams('')).toEqual({
			chapter: null,
			mode: 'scroll',
			theme: 'dark',
			childId: null,
			spoilersOk: false
		});
		expect(parseEmbedParams('?mode=weird&theme=pink').mode).toBe('scroll');
		expect(parseEmbedParams('?spoilers=yes').spoilersOk).toBe(false);
	});
	it('refuses child ids that could break pym messages', () => {
		expect(parseChildId('?childId=a%20b')).toBeNull();
		expect(parseChildId('?childId=axPYMxb')).toBeNull();
		expect(parseChildId(`?childId=${'a'.repeat(101)}`)).toBeNull();
		expect(parseChildId('?childId=example')).toBe('example');
	});
});

describe('snippets', () => {
	it('builds embed URLs and an escaped snippet', () => {
		expect(embedUrl('https://x.org', { chapter: 'home', theme: 'light' })).toBe(
			'https://x.org/embed/home?theme=light'
		);
		const s = embedSnippet('https://x.org', 'A "quoted" <title>');
		expect(s).toContain('title="A &quot;quoted&quot; &lt;title&gt;"');
		expect(s).toContain('<script src="https://x.org/embed.js" async></script>');
		expect(s).toContain('loading="lazy"');
	});
});
