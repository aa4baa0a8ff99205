import { describe, expect, it } from 'vitest';
import { soundsOnShowing, soundsToReplay } from '../../../../src/routes/study/[scope]/card-sounds';

describe('which sounds the study screen plays', () => {
	const card = { front: 'Listen [sound:q.mp3] then [sound:q2.ogg]', back: '<div>[sound:q.mp3] answer [sound:a.wav] [sound:clip.mp4]</div>' };

	it('plays the front’s sounds, in order, as the card is shown', () => {
		expect(soundsOnShowing(card, false)).toEqual(['q.mp3', 'q2.ogg']);
	});

	it('plays only the back’s own sounds on Show answer, not the front’s again, and never a video', () => {
		expect(soundsOnShowing(card, true)).toEqual(['a.wav']);
	});

	it('replays the front’s, then with the answer shown the back’s own too', () => {
		expect(soundsToReplay(card, false)).toEqual(['q.mp3', 'q2.ogg']);
		expect(soundsToReplay(card, true)).toEqual(['q.mp3', 'q2.ogg', 'a.wav']);
		expect(soundsToReplay({ front: 'no sound', back: 'none' }, true)).toEqual([]);
	});
});
