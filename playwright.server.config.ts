import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The tests that need the Node server (the live poll), against `npm start` on a fresh data folder.
// Run after `npm run build`. PORT lets several checkouts run side by side.
const PORT = Number(process.env.PORT ?? 4174);
const DATA_DIR = mkdtempSync(join(tmpdir(), 'poll-e2e-'));

export default defineConfig({
	...base,
	testIgnore: undefined,
	testMatch: '**/*.server.spec.ts',
	fullyParallel: false,
	workers: 1,
	timeout: 300_000,
	// A busy CI machine takes a while to start PGlite and three phones; waits fail only when stuck.
	expect: { timeout: 30_000 },
	use: { ...base.use, baseURL: `http://localhost:${PORT}` },
	webServer: {
		command: 'node .server/main.js',
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR },
		url: `http://127.0.0.1:${PORT}/api/health`,
		reuseExistingServer: false,
		timeout: 180_000
	}
});
