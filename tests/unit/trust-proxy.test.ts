/**
 * TRUST_PROXY against a running server, seen through the wrong-code slowdown (a per-address
 * limit): without it X-Forwarded-For is ignored, so two "students" naming different addresses are
 * one sender, the socket's; with it, the forwarded address is the sender, so one student's typos
 * slow that student and no one else, and an address a client prepends to the header changes
 * nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { Buckets } from '../../src/lib/poll/model';
import { clientAddress } from '../../src/server/client-address';
import { defaultLimits } from '../../src/server/limits';
import { startServer, type Running } from '../support/poll-server';

/** Three wrong codes per address, then slowed (one more every ~3 hours: never, in a test). */
const limits = () => ({ ...defaultLimits(), wrongCodes: new Buckets(3, 0.0001) });

function wrongCode(s: Running, forwardedFor: string) {
	return fetch(`${s.base}/api/rooms/ZZZZZZ/results`, {
		headers: { 'X-Forwarded-For': forwardedFor }
	}).then((r) => r.status);
}

async function typos(s: Running, forwardedFor: string, n: number) {
	const statuses = [];
	for (let i = 0; i < n; i++) statuses.push(await wrongCode(s, forwardedFor));
	return statuses;
}

describe('without TRUST_PROXY', () => {
	let s: Running;
	beforeAll(async () => {
		s = await startServer({ limits: limits() });
	}, 180_000);
	afterAll(() => s?.stop());

	it('ignores X-Forwarded-For: the limits see the socket address', async () => {
		expect(await typos(s, '203.0.113.1', 3)).toEqual([404, 404, 404]);
		// A different forwarded address is still the same sender, 127.0.0.1.
		expect(await wrongCode(s, '203.0.113.2')).toBe(429);
		expect(await wrongCode(s, '198.51.100.9')).toBe(429);
	});
});

describe('with TRUST_PROXY=loopback', () => {
	let s: Running;
	beforeAll(async () => {
		s = await startServer({ limits: limits(), trustProxy: 'loopback' });
	}, 180_000);
	afterAll(() => s?.stop());

	it('takes the client address from X-Forwarded-For: one typist is slowed, not the next', async () => {
		expect(await typos(s, '203.0.113.1', 4)).toEqual([404, 404, 404, 429]);
		expect(await typos(s, '203.0.113.2', 3)).toEqual([404, 404, 404]);
	});

	it('believes only the hop the proxy added, not addresses a client wrote before it', async () => {
		// The proxy appends the address it saw; anything to its left came from the client.
		expect(await wrongCode(s, '10.9.9.9, 203.0.113.1')).toBe(429);
		expect(await wrongCode(s, '203.0.113.1, 203.0.113.3')).toBe(404);
	});
});

describe('TRUST_PROXY values', () => {
	const req = (remoteAddress: string, xff?: string) =>
		({
			socket: { remoteAddress },
			connection: { remoteAddress },
			headers: xff ? { 'x-forwarded-for': xff } : {}
		}) as unknown as IncomingMessage;

	it('reads a hop count, a list of addresses and ranges, and nothing when unset', () => {
		expect(clientAddress(undefined)(req('127.0.0.1', '203.0.113.1'))).toBe('127.0.0.1');
		expect(clientAddress('')(req('127.0.0.1', '203.0.113.1'))).toBe('127.0.0.1');
		expect(clientAddress('1')(req('10.0.0.5', '9.9.9.9, 203.0.113.1'))).toBe('203.0.113.1');
		expect(clientAddress('2')(req('10.0.0.5', '9.9.9.9, 203.0.113.1'))).toBe('9.9.9.9');
		expect(clientAddress('10.0.0.0/8')(req('10.0.0.5', '203.0.113.1'))).toBe('203.0.113.1');
		// A request from outside the trusted range keeps its own address, whatever it claims.
		expect(clientAddress('10.0.0.0/8')(req('192.0.2.4', '203.0.113.1'))).toBe('192.0.2.4');
	});

	it('refuses a value that is neither, at start', () => {
		expect(() => clientAddress('the proxy')).toThrow(/TRUST_PROXY="the proxy"/);
	});
});
