import type { Page } from '@playwright/test';

/**
 * Share of a PNG's pixels whose r + g + b lies within [from, to]. Decoded in the page's own
 * canvas, so the tests need no PNG decoder of their own.
 */
export async function pixelShare(page: Page, png: Buffer, from: number, to = 765): Promise<number> {
	return page.evaluate(
		async ({ b64, from, to }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.width;
			c.height = img.height;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const d = ctx.getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 0; i < d.length; i += 4) {
				const sum = d[i]! + d[i + 1]! + d[i + 2]!;
				if (sum >= from && sum <= to) n++;
			}
			return n / (d.length / 4);
		},
		{ b64: png.toString('base64'), from, to }
	);
}
