import { zipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../src/lib/io/zip';

const utf8 = (text: string) => new TextEncoder().encode(text);
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The offsets of every local (PK\3\4) and central (PK\1\2) header, with where each keeps its flags and name. */
function headers(bytes: Uint8Array): { flags: number; name: number; nameLength: number }[] {
	const found: { flags: number; name: number; nameLength: number }[] = [];
	const data = view(bytes);
	for (let at = 0; at + 4 <= bytes.length; at++) {
		const signature = data.getUint32(at, true);
		if (signature === 0x04034b50) found.push({ flags: at + 6, name: at + 30, nameLength: data.getUint16(at + 26, true) });
		if (signature === 0x02014b50) found.push({ flags: at + 8, name: at + 46, nameLength: data.getUint16(at + 28, true) });
	}
	return found;
}

/** What Info-ZIP's `zip` writes: the same UTF-8 name bytes, without the UTF-8 flag (bit 11). */
function withoutUtf8Flag(bytes: Uint8Array): Uint8Array {
	const copy = bytes.slice();
	for (const header of headers(copy)) view(copy).setUint16(header.flags, view(copy).getUint16(header.flags, true) & ~0x800, true);
	return copy;
}

describe('reading zip entry names', () => {
	it('reads UTF-8 names written without the UTF-8 flag (Info-ZIP) as UTF-8, not Latin-1', () => {
		const archive = withoutUtf8Flag(zipSync({ '노트/한글.md': utf8('# 한글'), 'img/한글그림.png': new Uint8Array([1, 2]) }));
		expect(headers(archive).every((header) => (view(archive).getUint16(header.flags, true) & 0x800) === 0)).toBe(true);
		const files = readZip(archive);
		expect([...files.keys()]).toEqual(['노트/한글.md', 'img/한글그림.png']);
		expect(new TextDecoder().decode(files.get('노트/한글.md'))).toBe('# 한글');
	});

	it('hands `want` the decoded names', () => {
		const archive = withoutUtf8Flag(zipSync({ '가.md': utf8('a'), '나.txt': utf8('b') }));
		const asked: string[] = [];
		const files = readZip(archive, {}, (name) => (asked.push(name), name.endsWith('.md')));
		expect(asked).toEqual(['가.md', '나.txt']);
		expect([...files.keys()]).toEqual(['가.md']);
	});

	it('takes the name of an Info-ZIP Unicode Path extra field whose checksum matches the raw name', () => {
		// Raw name bytes that are not UTF-8 (0xff never is), with the real name in a 0x7075 field.
		const raw = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x2e, 0x6d, 0x64]);
		const field = (crc: number) => {
			const out = new Uint8Array(5 + utf8('한글.md').length);
			out[0] = 1;
			view(out).setUint32(1, crc, true);
			out.set(utf8('한글.md'), 5);
			return out;
		};
		const build = (crc: number) => {
			const archive = zipSync({ 'xxxxxx.md': [utf8('body'), { extra: { 0x7075: field(crc) } }] });
			for (const header of headers(archive)) archive.set(raw, header.name);
			return archive;
		};
		expect([...readZip(build(crc32(raw))).keys()]).toEqual(['한글.md']);
		// A field left from before the name was changed does not apply: the raw bytes are read as CP437.
		expect([...readZip(build(crc32(raw) ^ 1)).keys()]).toEqual(['\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0.md']);
	});

	it('reads names that are not UTF-8 and have no Unicode field as CP437', () => {
		const archive = withoutUtf8Flag(zipSync({ 'xx.md': utf8('body') }));
		for (const header of headers(archive)) archive.set([0x82, 0x81], header.name);
		expect([...readZip(archive).keys()]).toEqual(['éü.md']);
	});

	it('reads the unflagged names of a Korean Windows zip (CP949) as Korean', () => {
		const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
		const rename = (archive: Uint8Array, raw: Uint8Array[]) => {
			headers(archive).forEach((header, index) => archive.set(raw[index % raw.length]!, header.name));
			return archive;
		};
		// 한글그림.md and 노트.md, as Windows writes them on a Korean system.
		const korean = [bytes('c7d1b1dbb1d7b8b22e6d64'), bytes('b3ebc6ae2e6d64')];
		const archive = rename(withoutUtf8Flag(zipSync({ 'xxxxxxxx.md': utf8('# 1'), 'xxxx.md': utf8('# 2') })), [korean[0]!, korean[1]!]);
		expect([...readZip(archive).keys()]).toEqual(['한글그림.md', '노트.md']);
		// Bytes CP437 names have (é, ü, box drawing) keep reading as CP437, alone or beside a Korean-looking name.
		expect([...readZip(rename(withoutUtf8Flag(zipSync({ 'xx.md': utf8('x') })), [bytes('8281')])).keys()]).toEqual(['éü.md']);
		const mixed = rename(withoutUtf8Flag(zipSync({ 'xxxxxxxx.md': utf8('1'), 'xx.md': utf8('2') })), [korean[0]!, bytes('82812e6d64')]);
		expect([...readZip(mixed).keys()]).toEqual(['╟╤▒█▒╫╕▓.md', 'éü.md']);
	});

	it('keeps flagged UTF-8 names as they are', () => {
		expect([...readZip(zipSync({ 'Ünïcode/é.md': utf8('x') })).keys()]).toEqual(['Ünïcode/é.md']);
	});
});
