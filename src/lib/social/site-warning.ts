import { DEFAULT_SITE_URL } from './site-default';

/**
 * The warning a deployment build prints when `PUBLIC_SITE_URL` is missing: without it every
 * absolute address (canonical, Open Graph, the oEmbed snippet an editor pastes) points at
 * `http://localhost:4173`. Null when there is nothing to say.
 */
export function siteUrlWarning(
	env: Record<string, string | undefined>,
	deployment: boolean
): string | null {
	if (!deployment || env.PUBLIC_SITE_URL?.trim()) return null;
	return [
		'',
		`WARNING: PUBLIC_SITE_URL is not set. This build's canonical links, social previews and`,
		`oEmbed snippets (/oembed.json) will point at ${DEFAULT_SITE_URL}.`,
		'Set it to the address the site is served from, e.g.',
		'  PUBLIC_SITE_URL=https://strangers.example.org npm run build',
		''
	].join('\n');
}
