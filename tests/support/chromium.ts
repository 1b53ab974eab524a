import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable'
];

/**
 * The browser the tests drive: CHROMIUM_PATH if set, else Playwright's own download if one is
 * installed, else the system's. Playwright's download cannot run on machines without outside
 * network, which is why the system Chromium is a first-class choice.
 */
export function findChromium(): string {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv))
			throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but nothing is there.`);
		return fromEnv;
	}
	try {
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// No Playwright browser registry entry: fall through to the system's.
	}
	const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
	if (system) return system;
	throw new Error(
		'No Chromium found: install one (on Debian or Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its executable.'
	);
}

/** Flags for a sandboxed CI machine with no outside network and no GPU. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--disable-dev-shm-usage',
	// Software WebGL for the starfield when there is no GPU.
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist'
];
