import { describe, expect, it } from 'vitest';
import { playableSounds, rewriteSoundTags, soundFileName, soundsAsNames, soundTags, splitAtSounds, storedSoundName } from '../../../src/lib/io/sound-tags';
import { isMediaName } from '../../../src/lib/io/media-names';
import { sideExcerpt } from '../../../src/lib/render/side-text';

const HASH = 'ab'.repeat(32);

describe('sound tags', () => {
	it('reads the names of [sound:] tags; the playable ones once each, in order', () => {
		const text = 'a [sound:x.mp3] b [sound:clip.mp4][sound:y.ogg] [sound:x.mp3] [sound:] [sound:a]b]';
		expect(soundTags(text)).toEqual(['x.mp3', 'clip.mp4', 'y.ogg', 'x.mp3', 'a']);
		expect(playableSounds(text)).toEqual(['x.mp3', 'y.ogg']);
	});

	it('rewrites names, keeps a tag for undefined and takes it away for null', () => {
		expect(rewriteSoundTags('[sound:a.mp3] [sound:b.mp3] [sound:c.mp4]', (name) => (name === 'a.mp3' ? 'z.mp3' : name === 'c.mp4' ? null : undefined))).toBe(
			'[sound:z.mp3] [sound:b.mp3] '
		);
	});

	it('cuts a text at its playable sounds', () => {
		expect(splitAtSounds('x [sound:a.wav]y[sound:v.mp4]')).toEqual([{ text: 'x ' }, { sound: 'a.wav' }, { text: 'y[sound:v.mp4]' }]);
	});

	it('stores a sound under its name and its hash, a name that is safe in a tag, in HTML text and as a media name', () => {
		expect(storedSoundName('hello.mp3', HASH)).toBe(`hello.${HASH}.mp3`);
		expect(storedSoundName('안녕 하세요.MP3', HASH)).toBe(`안녕 하세요.${HASH}.mp3`);
		const hostile = storedSoundName('javascript:a]&<b>"%20/x\\y?#.ogg', HASH);
		// A % stays: a tag's name is not percent-decoded, by Anki nor by Recall, which looks a name up as written first.
		expect(hostile).toBe(`javascript_a___b__%20_x_y__.${HASH}.ogg`);
		expect(isMediaName(hostile)).toBe(true);
		expect(storedSoundName('.mp3', HASH)).toBe(`sound.${HASH}.mp3`);
		expect(storedSoundName('a'.repeat(300) + '.mp3', HASH)).toBe(`${'a'.repeat(100)}.${HASH}.mp3`);
	});

	it('knows a stored sound by its own name again, and any other name as it is', () => {
		expect(soundFileName(`hello.${HASH}.mp3`)).toBe('hello.mp3');
		expect(soundFileName('hello.mp3')).toBe('hello.mp3');
		expect(soundFileName(`${HASH}.png`)).toBe(`${HASH}.png`);
		// A note's sound, stored as its images are (`<deck id>/<path>`), is called by its file's name.
		expect(soundFileName('영단어/audio/abandon.wav')).toBe('abandon.wav');
	});

	it('reads a sound as its name in a side’s text (the browser’s list, a screen reader’s announcement)', () => {
		expect(soundsAsNames(`Listen [sound:hello.${HASH}.mp3] [sound:v.mp4]`)).toBe('Listen ♪ hello.mp3 [sound:v.mp4]');
		expect(sideExcerpt(`[sound:hello.${HASH}.mp3]`, 'html')).toBe('♪ hello.mp3');
		expect(sideExcerpt('단어 [sound:a.wav]', 'markdown')).toBe('단어 ♪ a.wav');
	});
});
