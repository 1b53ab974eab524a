import QRCode from 'qrcode';
import { getContent } from '$lib/content/index.server';
import { qrPath } from '$lib/share/qr';
import { absolute } from '$lib/social/site';
import type { HandoutData } from '$lib/handout/model';

// Drawn at build time: the printed page needs the code, not the encoder.
export const load = (): HandoutData => {
	const url = absolute('/');
	return {
		content: getContent(),
		url,
		qr: qrPath(QRCode.create(url, { errorCorrectionLevel: 'M' }))
	};
};
