import * as env from '$env/static/public';
import { DEFAULT_SITE_URL } from './site-default';

export { DEFAULT_SITE_URL };

/**
 * The site's public address, for everything that must be absolute: canonical and Open Graph
 * URLs, the oEmbed response, the social image. Set `PUBLIC_SITE_URL` when building (in the
 * environment or a `.env` file), e.g. `PUBLIC_SITE_URL=https://example.org/strangers npm run build`.
 * Without it, the address `npm run preview` serves (and a deployment build warns: site-warning.ts).
 */

export function normaliseSiteUrl(value: string | undefined): string {
	const raw = value?.trim() || DEFAULT_SITE_URL;
	const url = new URL(raw);
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`PUBLIC_SITE_URL must be an http(s) URL, not ${raw}`);
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export const SITE_URL = normaliseSiteUrl(
	(env as Record<string, string | undefined>).PUBLIC_SITE_URL
);

export function absolute(path: string): string {
	return `${SITE_URL}${path.startsWith('/') ? path : `/${path}`}`;
}
