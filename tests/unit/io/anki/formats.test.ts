import { describe, expect, it } from 'vitest';
import { decodeMessage, messageFields, numberField, ProtobufError, stringField } from '../../../../src/lib/io/anki/protobuf';
import { isZstd, zstdDecompress, ZstdTooLargeError } from '../../../../src/lib/io/anki/zstd';
import {
	decodeEntities,
	imageSources,
	imageTypeOf,
	parseLegacyMediaMap,
	parseMediaEntries,
	referenceCandidates,
	removeUnplayableSounds,
	audioTypeOf,
	renameImageSources,
	rewriteImageSources
} from '../../../../src/lib/io/anki/media';
import { protoMessage, zstdRaw, zstdZeros } from './helpers';

describe('protobuf reader', () => {
	it('reads varints, strings and nested messages, the last value of a field winning', () => {
		const id = 1741401406376; // an Anki id: past 2^32
		const message = decodeMessage(protoMessage([[1, 'first'], [2, id], [1, 'second'], [3, protoMessage([[1, 'inner']])], [3, protoMessage([[1, 'again']])]]));
		expect(stringField(message, 1)).toBe('second');
		expect(numberField(message, 2)).toBe(id);
		expect(messageFields(message, 3).map((bytes) => stringField(decodeMessage(bytes), 1))).toEqual(['inner', 'again']);
		expect(stringField(message, 9)).toBe('');
		expect(numberField(message, 9)).toBe(0);
	});

	it('skips fixed-width fields and refuses truncated input', () => {
		const fixed = new Uint8Array([(4 << 3) | 1, 1, 2, 3, 4, 5, 6, 7, 8, (5 << 3) | 5, 1, 2, 3, 4, (1 << 3) | 0, 7]);
		expect(numberField(decodeMessage(fixed), 1)).toBe(7);
		expect(() => decodeMessage(new Uint8Array([(1 << 3) | 2, 10, 1, 2]))).toThrow(ProtobufError);
		expect(() => decodeMessage(new Uint8Array([0x80]))).toThrow(ProtobufError);
		expect(() => decodeMessage(new Uint8Array([(1 << 3) | 3]))).toThrow(ProtobufError);
	});
});

describe('zstd with a budget', () => {
	it('decompresses raw and RLE blocks', () => {
		const data = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
		expect(isZstd(zstdRaw(data))).toBe(true);
		expect(zstdDecompress(zstdRaw(data), 1_000_000)).toEqual(data);
		expect(zstdDecompress(zstdRaw(new Uint8Array()), 10)).toEqual(new Uint8Array());
		expect(zstdDecompress(zstdZeros(300_000), 1_000_000)).toEqual(new Uint8Array(300_000));
	});

	it('stops past the budget, whether the header says so or only the data', () => {
		expect(() => zstdDecompress(zstdRaw(new Uint8Array(1000)), 999)).toThrow(ZstdTooLargeError);
		expect(() => zstdDecompress(zstdZeros(300_000), 200_000)).toThrow(ZstdTooLargeError);
	});
});

describe('media lists and references', () => {
	it('reads the legacy JSON map and the latest protobuf list', () => {
		expect([...parseLegacyMediaMap(new TextEncoder().encode('{"0": "a.png", "1": "b c.jpg"}'))]).toEqual([
			['0', 'a.png'],
			['1', 'b c.jpg']
		]);
		expect(parseLegacyMediaMap(new Uint8Array()).size).toBe(0);
		const entries = protoMessage([
			[1, protoMessage([[1, 'a.png'], [2, 10]])],
			[1, protoMessage([[1, 'b.png'], [2, 20], [255, 7]])],
			[1, protoMessage([[1, 'c.png']])]
		]);
		// An entry is stored under its position, unless it names its zip entry.
		expect([...parseMediaEntries(entries)]).toEqual([
			['0', 'a.png'],
			['7', 'b.png'],
			['2', 'c.png']
		]);
	});

	it('finds and rewrites <img> sources in any quoting', () => {
		const html = `<img src="a.png"><IMG class=x SRC='b c.png' /><img src=d.png alt="x"><img alt="no src">`;
		expect(imageSources(html)).toEqual(['a.png', 'b c.png', 'd.png']);
		expect(rewriteImageSources(html, (src) => (src === 'd.png' ? undefined : `new-${src.length}`))).toBe(
			`<img src="new-5"><IMG class=x SRC="new-7" /><img src=d.png alt="x"><img alt="no src">`
		);
	});

	it('renames <img> sources by their decoded value in any quoting, the new name escaped', () => {
		const names = new Map([
			['a&b.png', 'deck/a&b "1".png'],
			['bare.png', 'stored.png'],
			['spaced.png', 'x<y>.png']
		]);
		const html = `<img src="a&amp;b.png"><img src=bare.png alt="b"><img src = 'spaced.png'><img src="other.png">`;
		expect(renameImageSources(html, (src) => names.get(src))).toBe(
			`<img src="deck/a&amp;b &quot;1&quot;.png"><img src="stored.png" alt="b"><img src = "x&lt;y&gt;.png"><img src="other.png">`
		);
	});

	it('matches a media name however the HTML spells it', () => {
		expect(referenceCandidates('caf%C3%A9 &amp; bar.png')).toContain('café & bar.png');
		expect(referenceCandidates('a&#39;b.png')).toContain("a'b.png");
		expect(decodeEntities('&lt;&#x41;&#66;&unknown;&#0;')).toBe('<AB&unknown;&#0;');
		expect(referenceCandidates('%zz.png')).toContain('%zz.png');
	});

	it('knows image types by extension only', () => {
		expect(imageTypeOf('A.JPG')).toBe('image/jpeg');
		expect(imageTypeOf('x.svg')).toBe('image/svg+xml');
		expect(imageTypeOf('sound.mp3')).toBeUndefined();
		expect(imageTypeOf('noextension')).toBeUndefined();
	});

	it('knows sound types by extension, beside the image ones', () => {
		expect(['a.mp3', 'a.OGG', 'a.oga', 'a.opus', 'a.wav', 'a.m4a', 'a.aac', 'a.flac', 'a.webm'].map(audioTypeOf)).toEqual([
			'audio/mpeg',
			'audio/ogg',
			'audio/ogg',
			'audio/ogg',
			'audio/wav',
			'audio/mp4',
			'audio/aac',
			'audio/flac',
			'audio/webm'
		]);
		expect(audioTypeOf('clip.mp4')).toBeUndefined();
		expect(audioTypeOf('x.png')).toBeUndefined();
	});

	it('takes away the [sound:] tags of videos and files of no sound type, naming them; sounds keep theirs', () => {
		expect(removeUnplayableSounds('a [sound:x.mp3] b [sound:clip.mp4] c [sound:y.ogg][sound:noext]')).toEqual({
			html: 'a [sound:x.mp3] b  c [sound:y.ogg]',
			dropped: ['clip.mp4', 'noext']
		});
	});
});
