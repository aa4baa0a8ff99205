import { describe, expect, it } from 'vitest';
import { matchCards } from '../../../src/lib/notes/match';
import { generate } from './helpers';

function backsByFront(text: string): Record<string, string> {
	return Object.fromEntries(generate(text).deck.cards.map((card) => [card.front, card.back]));
}

function idsByFront(text: string): Record<string, string> {
	return Object.fromEntries(generate(text).deck.cards.map((card) => [card.front, card.id]));
}

describe('sounds of a note', () => {
	it('plays an Obsidian embed of a recording on the card of its line, after the answer', () => {
		const note = '## 단어\n\n- **abandon**: 버리다 ![[abandon.m4a]]\n- **subtle**: 미묘한\n';
		expect(backsByFront(note)).toEqual({ abandon: '버리다\n\n[sound:abandon.m4a]', subtle: '미묘한' });
	});

	it('reads a Markdown image of a sound file, and raw HTML audio, as sounds, not images', () => {
		const { deck } = generate('## 발음\n\n- **사과**: apple ![발음](audio/apple.mp3)\n- **배**: pear <audio controls src="audio/pear.ogg"></audio>\n');
		expect(deck.cards.map((card) => [card.front, card.back, card.images])).toEqual([
			['사과', 'apple\n\n[sound:audio/apple.mp3]', []],
			['배', 'pear\n\n[sound:audio/pear.ogg]', []]
		]);
		const html = '## A\n\n- **x**: y\n- **z**: w\n\n<audio controls>\n  <source src="clip.wav" type="audio/wav">\n</audio>\n';
		// Beside a list of definitions, as a picture there is: the list's own card holds it.
		expect(backsByFront(html)).toEqual({ A: '- x: y\n- z: w\n\n[sound:clip.wav]', x: 'y', z: 'w' });
	});

	it('places a sound as an image is placed: beside definitions on the card nearest before it, in a list on the list’s card', () => {
		expect(backsByFront('## A\n\n**가**: 하나\n**나**: 둘\n\n![[read.mp3]]\n\n## B\n\n- 셋\n- 넷\n')).toEqual({ 가: '하나', 나: '둘\n\n[sound:read.mp3]', B: '- 셋\n- 넷' });
		const list = backsByFront('## 순서\n\n- 하나\n- 둘 ![[two.wav]]\n');
		expect(list['순서']).toBe('- 하나\n- 둘\n\n[sound:two.wav]');
	});

	it('names a sound as the note wrote it, spaces and Hangul too, each once per card', () => {
		expect(backsByFront('## 단어\n\n- **발음**: 소리 ![[녹음 1.m4a]] ![[녹음 1.m4a]] ![[녹음 2.m4a]]\n')['발음']).toBe('소리\n\n[sound:녹음 1.m4a] [sound:녹음 2.m4a]');
	});

	it('leaves a sound of a section that made no card on no card, with a warning', () => {
		const { deck, report } = generate('## A\n\n![[intro.mp3]]\n\n## B\n\n- 첫째\n- 둘째\n');
		expect(deck.cards.map((card) => card.back)).toEqual(['- 첫째\n- 둘째']);
		expect(report.warnings).toContainEqual(expect.objectContaining({ line: 3, message: 'sound "intro.mp3" is on no card' }));
		expect(report.warnings.map((warning) => warning.code)).not.toContain('note-embed-left-out');
	});

	it('still leaves out an embedded note or a video, with a warning; a plain link to a sound stays a link', () => {
		const { deck, report } = generate('## A\n\n- **x**: y ![[other note]] ![[clip.mp4]] [발음](audio/x.mp3)\n');
		expect(deck.cards[0]?.back).toBe('y [발음](audio/x.mp3)');
		expect(report.warnings.filter((warning) => warning.code === 'note-embed-left-out').map((warning) => warning.values)).toEqual([{ note: 'other note' }, { note: 'clip.mp4' }]);
	});

	it('keeps every card’s id when a sound is added to a line or taken from it, and matchCards pairs nothing anew', () => {
		const plain = '## 단어\n\n- **bank**: 은행\n- **bank**: 강둑\n- **abandon**: 버리다\n\n## 숫자\n\n1. 하나\n2. 둘\n';
		const voiced = plain.replace('은행', '은행 ![[bank.mp3]]').replace('버리다', '버리다 ![](abandon.mp3)').replace('2. 둘', '2. 둘 ![[two.ogg]]');
		expect(idsByFront(voiced)).toEqual(idsByFront(plain));
		const [before, after] = [generate(plain).deck.cards, generate(voiced).deck.cards];
		expect(new Set(after.map((card) => card.id))).toEqual(new Set(before.map((card) => card.id)));
		expect(after.filter((card) => card.back.includes('[sound:')).length).toBe(3);
	});

	it('pairs a card whose heading was renamed while a sound was added, as if the sound were not there', () => {
		const before = generate('## 단어\n\n- **abandon**: 버리다\n- **subtle**: 미묘한\n').deck.cards;
		const after = generate('## 영단어\n\n- **abandon**: 버리다 ![[abandon.mp3]]\n- **subtle**: 미묘한\n').deck.cards;
		expect(after[0]?.back).toContain('[sound:abandon.mp3]');
		const pairs = matchCards(before, after).map((match) => [match.from, match.to]);
		expect(pairs).toContainEqual([before[0]?.id, after[0]?.id]);
		expect(pairs).toContainEqual([before[1]?.id, after[1]?.id]);
	});
});
