import { describe, expect, it } from 'vitest';
import { foldName, isMediaName, matchFirst, nameLookup, readableName } from '../../../src/lib/io/media-names';

describe('media names', () => {
	it('a file’s name or relative path is media; a URL, a root path, an anchor, nothing are not', () => {
		for (const name of ['a.png', 'deck/img/a.png', '../a.png', 'my pic.png', '지도.png']) expect(isMediaName(name), name).toBe(true);
		for (const name of ['', ' ', 'https://x/a.png', 'HTTP://X/a.png', 'data:image/png;base64,AA', 'blob:https://x/1', '//cdn/a.png', '/a.png', '#a', '?a', 'C:\\a.png']) {
			expect(isMediaName(name), name).toBe(false);
		}
	});

	it('readableName decodes each run of percent-encoding for messages, keeping a malformed one as written', () => {
		expect(readableName('img/%ED%95%9C%EA%B8%80%EA%B7%B8%EB%A6%BC.png')).toBe('img/한글그림.png');
		expect(readableName('100%25 %ED%95%9C.png')).toBe('100% 한.png');
		expect(readableName('100%.png')).toBe('100%.png');
		expect(readableName('%zz/%ED%95%9C.png')).toBe('%zz/한.png');
		// A run that is not UTF-8 (a lone lead byte) stays encoded; the run after it still decodes.
		expect(readableName('%ED%95/%EA%B8%80.png')).toBe('%ED%95/글.png');
	});

	it('names alike but for case, and composed or decomposed Hangul and accents, fold alike', () => {
		expect(foldName('Diagram.PNG')).toBe(foldName('diagram.png'));
		expect(foldName('Cafe\u0301.png')).toBe(foldName('café.PNG'));
		expect(foldName('a.png')).not.toBe(foldName('b.png'));
	});

	it('matchFirst: the strictest test that any item passes decides; two passing it are ambiguous', () => {
		const files = ['img/red.png', 'red.png', 'RED.png'];
		expect(matchFirst(files, [(file) => file === 'red.png', (file) => file.toLowerCase() === 'red.png'])).toEqual({ found: 'red.png' });
		expect(matchFirst(files, [(file) => file === 'Red.png', (file) => file.toLowerCase() === 'red.png'])).toEqual({ ambiguous: true });
		expect(matchFirst(files, [(file) => file === 'blue.png'])).toBeUndefined();
	});

	it('nameLookup: exactly first, then the one alike but for case; several alike are ambiguous', () => {
		const lookup = nameLookup(['diagram.png', 'paris.png', 'Paris.png', 'twice.png', 'TWICE.png']);
		expect(lookup('Diagram.PNG')).toEqual({ found: 'diagram.png' });
		expect(lookup('Paris.png')).toEqual({ found: 'Paris.png' });
		expect(lookup('Twice.png')).toEqual({ ambiguous: true });
		expect(lookup('gone.png')).toBeUndefined();
	});
});
