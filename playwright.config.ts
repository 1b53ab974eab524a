import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';

// PORT lets several checkouts run their tests side by side.
const PORT = Number(process.env.PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	// The live poll needs the Node server: playwright.server.config.ts runs those against `npm start`.
	testIgnore: '**/*.server.spec.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	timeout: 60_000,
	// CI runs two browsers on two cores, each drawing WebGL in software: what takes a second here
	// can take several there. Speed is the bench's business (npm run bench), not an assertion's.
	expect: { timeout: process.env.CI ? 10_000 : 5_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
		trace: 'off'
	},
	webServer: {
		command: `npx vite preview --port ${PORT} --strictPort`,
		port: PORT,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
