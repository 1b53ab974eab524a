import QRCode from 'qrcode';
import { base } from '$app/paths';
import * as env from '$env/static/public';
import { getContent } from '$lib/content/index.server';
import { qrPath } from '$lib/share/qr';
import { absolute } from '$lib/social/site';
import type { HandoutData } from '$lib/handout/model';

// Drawn at build time: the printed page needs the code, not the encoder. A build told its address
// (PUBLIC_SITE_URL) prints it; one that was not prints the site's path alone, never the preview's
// localhost, and no code. Printing from the deck writes in the address it was opened from.
export const load = (): HandoutData => {
	const configured = !!(env as Record<string, string | undefined>).PUBLIC_SITE_URL?.trim();
	const url = configured ? absolute('/') : `${base}/`;
	return {
		content: getContent(),
		url,
		qr: configured ? qrPath(QRCode.create(url, { errorCorrectionLevel: 'M' })) : null
	};
};
