import type { QRCode } from 'qrcode';

/**
 * A QR code as one SVG path in module units (a square of `size` with a 4-module quiet zone
 * around it). Drawn by us from the `qrcode` package's matrix, so it takes our colours and needs
 * no `{@html}`. Each row's runs of dark modules become one rectangle.
 */
export function qrPath(code: Pick<QRCode, 'modules'>, quiet = 4): { d: string; size: number } {
	const { size, data } = code.modules;
	let d = '';
	for (let y = 0; y < size; y++) {
		let x = 0;
		while (x < size) {
			if (!data[y * size + x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < size && data[y * size + x]) x++;
			d += `M${start + quiet} ${y + quiet}h${x - start}v1h${start - x}z`;
		}
	}
	return { d, size: size + 2 * quiet };
}

/** Loads the encoder only when someone opens the panel. */
export async function qrFor(text: string): Promise<{ d: string; size: number }> {
	const { create } = await import('qrcode');
	return qrPath(create(text, { errorCorrectionLevel: 'M' }));
}
