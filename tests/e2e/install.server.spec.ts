/**
 * The production install, as a host would make it: the build's output (build/ and .server/) and
 * package.json with its lock, copied to an empty folder, `npm ci --omit=dev` there from the local
 * npm cache, and `npm start`. No source tree, no content/, no devDependencies. Run after
 * `npm run build`; the install takes seconds, as the server needs only a handful of packages.
 */
import { expect, test } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve('.');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Starts `npm start` in `dir` on a free port and resolves with its address once it listens. */
function start(
	dir: string,
	env: NodeJS.ProcessEnv
): Promise<{ child: ChildProcess; base: string }> {
	const child = spawn(npm, ['start'], {
		cwd: dir,
		env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	return new Promise((resolve, reject) => {
		const fail = (why: string) => reject(new Error(`${why}\n${out}`));
		const timer = setTimeout(() => fail('the installed server did not start in 120 s'), 120_000);
		const read = (chunk: Buffer) => {
			out += chunk.toString();
			const at = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (at) {
				clearTimeout(timer);
				resolve({ child, base: at[1]! });
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => fail(`the installed server exited (${code})`));
	});
}

test('npm ci --omit=dev on the built output alone serves the site and the poll', async () => {
	test.setTimeout(300_000);
	expect(existsSync(join(root, '.server/main.js')), 'run `npm run build` first').toBe(true);
	const dir = mkdtempSync(join(tmpdir(), 'poll-install-'));
	let child: ChildProcess | undefined;
	try {
		for (const path of ['build', '.server', 'package.json', 'package-lock.json'])
			cpSync(join(root, path), join(dir, path), { recursive: true });

		await run(
			npm,
			['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
			{ cwd: dir, timeout: 240_000 }
		);
		// Only the server's packages came: nothing of the build, nothing the site bundles itself.
		const installed = readdirSync(join(dir, 'node_modules'));
		for (const tool of ['vite', 'esbuild', 'svelte', 'three', 'yaml', 'zod', 'marked'])
			expect(installed, `${tool} is not a production dependency`).not.toContain(tool);

		// Each package the bundle imports resolves from this install, the PostgreSQL driver too
		// (imported only when DATABASE_URL is set).
		const bundle = readFileSync(join(dir, '.server/main.js'), 'utf8');
		const imported = new Set(
			[...bundle.matchAll(/(?:from |import\()["']([^"'./][^"']*)["']/g)]
				.map((m) => m[1]!)
				.filter((name) => !name.startsWith('node:'))
		);
		expect([...imported]).toContain('pg');
		for (const name of imported) {
			await run(process.execPath, ['--input-type=module', '-e', `await import('${name}')`], {
				cwd: dir
			});
		}

		const server = await start(dir, { DATA_DIR: join(dir, 'data'), DATABASE_URL: '' });
		child = server.child;
		const page = await fetch(`${server.base}/present`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await page.text()).toContain('<html');
		const health = await fetch(`${server.base}/api/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ ok: true, engine: 'pglite' });
		// The class polls came from .server/polls.json, with no content/ beside the install.
		expect(existsSync(join(dir, 'content'))).toBe(false);
		const { polls } = (await (await fetch(`${server.base}/api/polls`)).json()) as {
			polls: unknown[];
		};
		expect(polls.length).toBeGreaterThanOrEqual(3);
	} finally {
		child?.kill('SIGTERM');
		if (child && child.exitCode === null) await new Promise((done) => child!.once('exit', done));
		rmSync(dir, { recursive: true, force: true });
	}
});
