/**
 * Who sent a request. Behind a reverse proxy every request comes from the proxy, so the limits
 * per address would treat a whole district as one client; TRUST_PROXY names the proxies whose
 * X-Forwarded-For is believed (proxy-addr, the parser Express uses). Without it the header is
 * ignored, so no client can choose its own address.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type AddressOf = (req: IncomingMessage) => string;

/**
 * TRUST_PROXY: unset or empty (trust no one), a hop count (`1`: the proxy in front of us), or a
 * comma-separated list of addresses, CIDR ranges and the names `loopback`, `linklocal`,
 * `uniquelocal`. Throws a clear error for anything else, at start rather than at the first request.
 */
export function clientAddress(trustProxy: string | undefined): AddressOf {
	const value = trustProxy?.trim() ?? '';
	const direct: AddressOf = (req) => req.socket.remoteAddress ?? 'unknown';
	if (!value || value === '0' || value === 'false') return direct;
	let trust: (addr: string, i: number) => boolean;
	if (/^\d+$/.test(value)) {
		const hops = Number(value);
		trust = (_addr, i) => i < hops;
	} else {
		try {
			trust = proxyaddr.compile(value.split(',').map((s) => s.trim()));
		} catch (e) {
			throw new Error(
				`TRUST_PROXY="${value}" is not a hop count or a list of addresses: ${(e as Error).message}`
			);
		}
	}
	return (req) => {
		// A closed socket has no address left to read; the limits then see one shared key.
		if (!req.socket.remoteAddress) return 'unknown';
		return proxyaddr(req, trust);
	};
}
