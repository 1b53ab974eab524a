import { json } from '@sveltejs/kit';

/**
 * The static build's answer to the poll probe: a plain file saying there is no poll server, so a
 * static host answers 200 rather than a 404 that the browser would log as an error. `npm start`
 * answers /api/* itself, with `{ ok: true }`, before this file is ever reached.
 */
export const prerender = true;

export const GET = () => json({ ok: false, server: false });
