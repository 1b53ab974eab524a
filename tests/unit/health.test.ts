/**
 * /api/health asks the database, not only the process: a load balancer or a host's check then
 * takes a process whose database has gone out of rotation. On PGlite, and on PostgreSQL as well
 * when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/poll-server';

const engines = [{ name: 'PGlite', engine: 'pglite', url: undefined as string | undefined }];
if (process.env.DATABASE_URL)
	engines.push({ name: 'PostgreSQL', engine: 'postgres', url: process.env.DATABASE_URL });

describe.each(engines)('/api/health on $name', ({ engine, url }) => {
	it('answers 200 while the database answers, 503 once it does not', async () => {
		const s = await startServer({ DATABASE_URL: url });
		try {
			const up = await fetch(`${s.base}/api/health`);
			expect(up.status).toBe(200);
			expect(await up.json()).toEqual({ ok: true, engine });

			// The database goes while the process stays up and listening.
			await s.app.db.close();
			const down = await fetch(`${s.base}/api/health`);
			expect(down.status).toBe(503);
			expect(down.headers.get('cache-control')).toBe('no-store');
			expect(await down.json()).toEqual({
				ok: false,
				engine,
				error: 'the database does not answer'
			});
		} finally {
			// The database is closed already; only the server's sockets are left to end.
			await new Promise((done) => s.app.server.close(done));
			s.app.events.close();
		}
	}, 180_000);
});
