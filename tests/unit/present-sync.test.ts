import { afterEach, describe, expect, it } from 'vitest';
import { isSyncMessage, openSync, type Sync, type SyncMessage } from '$lib/present/sync';
import { elapsed, formatElapsed, parseTimer, pause, reset, start, ZERO } from '$lib/present/timer';

const open: Sync[] = [];
afterEach(() => {
	for (const s of open.splice(0)) s.close();
});

function window_(name: string) {
	const heard: SyncMessage[] = [];
	const sync = openSync((m) => heard.push(m), name);
	open.push(sync);
	return { sync, heard };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('sync between windows', () => {
	it('carries messages to the other window, not back to the sender', async () => {
		const a = window_('test-1');
		const b = window_('test-1');
		a.sync.post({ type: 'here', id: 't2', blackout: false });
		b.sync.post({ type: 'where' });
		await settle();
		expect(b.heard).toEqual([{ type: 'here', id: 't2', blackout: false }]);
		expect(a.heard).toEqual([{ type: 'where' }]);
	});

	it('ignores messages of any other shape', async () => {
		const a = window_('test-2');
		const raw = new BroadcastChannel('test-2');
		for (const m of [null, 'here', { type: 'here' }, { type: 'here', id: 3 }, { type: 'go' }])
			raw.postMessage(m);
		await settle();
		raw.close();
		expect(a.heard).toEqual([]);
		expect(isSyncMessage({ type: 'here', id: 'x', blackout: true })).toBe(true);
		expect(isSyncMessage({ type: 'where' })).toBe(true);
	});

	it('stops hearing and sending once closed (safe to close twice)', async () => {
		const a = window_('test-3');
		const b = window_('test-3');
		b.sync.close();
		b.sync.close();
		a.sync.post({ type: 'where' });
		b.sync.post({ type: 'where' });
		await settle();
		expect(b.heard).toEqual([]);
		expect(a.heard).toEqual([]);
	});
});

describe('the speaker view clock', () => {
	it('counts while running, holds while paused, and resets', () => {
		let t = start(ZERO, 1_000);
		expect(elapsed(t, 6_000)).toBe(5_000);
		t = pause(t, 6_000);
		expect(elapsed(t, 60_000)).toBe(5_000);
		t = start(t, 100_000);
		expect(elapsed(t, 102_500)).toBe(7_500);
		expect(start(t, 200_000)).toBe(t);
		expect(pause(ZERO, 5)).toBe(ZERO);
		expect(reset()).toEqual(ZERO);
	});

	it('formats minutes and hours', () => {
		expect(formatElapsed(0)).toBe('0:00');
		expect(formatElapsed(7_900)).toBe('0:07');
		expect(formatElapsed(754_000)).toBe('12:34');
		expect(formatElapsed(3_723_000)).toBe('1:02:03');
		expect(formatElapsed(-5)).toBe('0:00');
	});

	it('reads back what it stored, and survives garbage', () => {
		const t = pause(start(ZERO, 0), 4_000);
		expect(parseTimer(JSON.stringify(t))).toEqual(t);
		expect(parseTimer(null)).toEqual(ZERO);
		expect(parseTimer('{oops')).toEqual(ZERO);
		expect(parseTimer('{"since":"x","banked":-4}')).toEqual(ZERO);
	});
});
