import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → TrueType/OpenType (https://www.w3.org/TR/WOFF/). resvg reads only sfnt files, and
 * the fonts we ship come from @fontsource as WOFF; unpacking one needs nothing but zlib, so the
 * social image renders the same on any machine, with or without system fonts.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
	const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
	if (src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
	const flavor = src.readUInt32BE(4);
	const numTables = src.readUInt16BE(12);

	const tables = [];
	for (let i = 0; i < numTables; i++) {
		const at = 44 + i * 20;
		const tag = src.subarray(at, at + 4);
		const offset = src.readUInt32BE(at + 4);
		const compLength = src.readUInt32BE(at + 8);
		const origLength = src.readUInt32BE(at + 12);
		const checksum = src.readUInt32BE(at + 16);
		const raw = src.subarray(offset, offset + compLength);
		const data = compLength < origLength ? inflateSync(raw) : raw;
		if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
		tables.push({ tag, checksum, data });
	}

	const pow = 2 ** Math.floor(Math.log2(numTables));
	const header = Buffer.alloc(12 + numTables * 16);
	header.writeUInt32BE(flavor, 0);
	header.writeUInt16BE(numTables, 4);
	header.writeUInt16BE(pow * 16, 6);
	header.writeUInt16BE(Math.log2(pow), 8);
	header.writeUInt16BE(numTables * 16 - pow * 16, 10);

	const chunks: Buffer[] = [header];
	let offset = header.length;
	tables.forEach((t, i) => {
		const at = 12 + i * 16;
		t.tag.copy(header, at);
		header.writeUInt32BE(t.checksum, at + 4);
		header.writeUInt32BE(offset, at + 8);
		header.writeUInt32BE(t.data.length, at + 12);
		const padded = (t.data.length + 3) & ~3;
		chunks.push(t.data, Buffer.alloc(padded - t.data.length));
		offset += padded;
	});
	return Buffer.concat(chunks);
}
