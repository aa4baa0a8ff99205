import { describe, expect, it } from 'vitest';
import { matchCards } from '../../../src/lib/notes/match';
import { generate } from './helpers';

function backsByFront(text: string): Record<string, string> {
	return Object.fromEntries(generate(text).deck.cards.map((card) => [card.front, card.back]));
}

function idsByFront(text: string): Record<string, string> {
	return Object.fromEntries(generate(text).deck.cards.map((card) => [card.front, card.id]));
}

/** Each card's front and back, in note order. */
function sidesOf(text: string): [string, string][] {
	return generate(text).deck.cards.map((card) => [card.front, card.back]);
}

/** A side without the sounds it plays, as it was before sounds were read. */
function unvoiced(side: string): string {
	return side.replace(/\n\n(?:\[sound:[^\]]+\] ?)+$/, '');
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

	describe('on the front, where the note puts it in the question', () => {
		it('plays a sound in a term, before its separator, with the question; one after the separator with the answer', () => {
			expect(sidesOf('## 단어\n\n- **abandon** ![[abandon.mp3]]: 버리다\n- **subtle**: ![[subtle.mp3]] 미묘한\n')).toEqual([
				['abandon\n\n[sound:abandon.mp3]', '버리다'],
				['subtle', '미묘한\n\n[sound:subtle.mp3]']
			]);
			expect(sidesOf('## 단어\n\n- abandon ![[abandon.mp3]] - 버리다\n- subtle - 미묘한 ![[subtle.mp3]]\n')).toEqual([
				['abandon\n\n[sound:abandon.mp3]', '버리다'],
				['subtle', '미묘한\n\n[sound:subtle.mp3]']
			]);
			// A Markdown image of a sound and raw HTML audio stand where they are written too, in a paragraph of bold terms.
			expect(sidesOf('## 과일\n\n**사과** ![](audio/apple.mp3): apple\n**배** <audio src="pear.ogg"></audio>: pear ![](audio/pear-slow.mp3)\n')).toEqual([
				['사과\n\n[sound:audio/apple.mp3]', 'apple'],
				['배\n\n[sound:pear.ogg]', 'pear\n\n[sound:audio/pear-slow.mp3]']
			]);
		});

		it('plays a described term’s sound with the question, its description’s with the answer', () => {
			expect(sidesOf('## 면역\n\nAntigen ![[antigen.mp3]]\n: A molecule the immune system recognises ![[molecule.mp3]]\n')).toEqual([
				['Antigen\n\n[sound:antigen.mp3]', 'A molecule the immune system recognises\n\n[sound:molecule.mp3]']
			]);
		});

		it('plays a heading’s sound with the question of the heading’s card, and after the answer where the heading asks nothing', () => {
			expect(sidesOf('## 순서 ![[order.mp3]]\n\n- 하나\n- 둘 ![[two.mp3]]\n')).toEqual([['순서\n\n[sound:order.mp3]', '- 하나\n- 둘\n\n[sound:two.mp3]']]);
			// Definitions alone make no card of their heading: its sound goes as an image there would, after an answer.
			expect(sidesOf('## 단어 ![[words.mp3]]\n\n- **abandon**: 버리다\n- **subtle**: 미묘한\n')).toEqual([
				['abandon', '버리다\n\n[sound:words.mp3]'],
				['subtle', '미묘한']
			]);
			expect(sidesOf('> [!tip] 외우는 법 ![[tip.mp3]]\n> 소리 내어 반복한다\n')).toEqual([['외우는 법\n\n[sound:tip.mp3]', '소리 내어 반복한다']]);
		});

		it('plays a question’s sound with it and its answer’s after the answer: Q/A lines, a question item, `::`, `:::` and `?`', () => {
			expect(sidesOf('## 면역\n\nQ: What makes antibodies? ![[q.mp3]]\nA: Plasma cells ![[a.mp3]]\n')).toEqual([['What makes antibodies?\n\n[sound:q.mp3]', 'Plasma cells\n\n[sound:a.mp3]']]);
			expect(sidesOf('## 면역\n\n1. What makes antibodies? ![[q.mp3]]\n   - Plasma cells\n')).toEqual([['What makes antibodies?\n\n[sound:q.mp3]', '- Plasma cells']]);
			expect(sidesOf('## 명시\n\n- word ![[word.mp3]]::뜻\n- other::다른 ![[other.mp3]]\n- front ![[front.mp3]]:::back\n')).toEqual([
				['word\n\n[sound:word.mp3]', '뜻'],
				['other', '다른\n\n[sound:other.mp3]'],
				['front\n\n[sound:front.mp3]', 'back'],
				// The reversed card asks with the note's answer: the question's sound would tell it.
				['back', 'front']
			]);
			expect(sidesOf('## 여러 줄\n\nWhat does this say ![[m.mp3]]\n?\nHello ![[hello.mp3]]\n')).toEqual([['What does this say\n\n[sound:m.mp3]', 'Hello\n\n[sound:hello.mp3]']]);
		});

		it('plays the question’s sound of a question and its answer written on one line (`Q: …<br>A: …`) with the question', () => {
			expect(sidesOf('## 면역\n\nQ: What? ![[q.mp3]]<br>A: That ![[a.mp3]]\n')).toEqual([['What?\n\n[sound:q.mp3]', 'That\n\n[sound:a.mp3]']]);
			// In a list item too, and one right before the break is still the question's; the next pair has none.
			expect(sidesOf('## 면역\n\n- **Q:** Who? ![[who.mp3]] <br> **A:** Me\n- Q: Why?<br>A: Because ![[why.mp3]]\n')).toEqual([
				['Who?\n\n[sound:who.mp3]', 'Me'],
				['Why?', 'Because\n\n[sound:why.mp3]']
			]);
		});

		it('plays the sound of a bold question answered on its line with the question, the answer’s after it', () => {
			expect(sidesOf('## 네트워크\n\n**Why is UDP faster?** ![[q.mp3]] No handshake ![[a.mp3]]\n')).toEqual([['Why is UDP faster?\n\n[sound:q.mp3]', 'No handshake\n\n[sound:a.mp3]']]);
		});

		it('plays the sound of a plain question answered on its line with the question, the answer’s after it', () => {
			expect(sidesOf('## Python\n\nWhat is a generator? ![[q.mp3]] A function that yields values lazily ![[a.mp3]]\n')).toEqual([
				['What is a generator?\n\n[sound:q.mp3]', 'A function that yields values lazily\n\n[sound:a.mp3]']
			]);
		});

		it('plays the sound of a steps lead-in (the line over the numbered list that its front asks with) with the question', () => {
			expect(sidesOf('## 배포\n\n배포 순서: ![[order.mp3]]\n\n1. 빌드\n2. 테스트 ![[test.mp3]]\n3. 배포\n')).toEqual([
				['배포: 배포 순서\n\n[sound:order.mp3]', '배포 순서:\n\n1. 빌드\n2. 테스트\n3. 배포\n\n[sound:test.mp3]']
			]);
			// A paragraph before it that is no lead-in asks nothing: its sound is the answer’s.
			expect(sidesOf('## 배포\n\n소개 문단이다. ![[intro.mp3]]\n\n처리 순서 ![[order.mp3]]:\n\n1. 빌드\n2. 테스트\n3. 배포\n')).toEqual([
				['배포: 처리 순서\n\n[sound:order.mp3]', '소개 문단이다.\n\n처리 순서:\n\n1. 빌드\n2. 테스트\n3. 배포\n\n[sound:intro.mp3]']
			]);
		});

		it('plays a label item’s sound with its card’s question, though the list’s card holds its line too', () => {
			expect(sidesOf('## 비교\n\n- **장점** ![[pros.mp3]]\n  - 빠름\n  - 쌈\n- 단점 ![[cons.mp3]]\n  - 느림\n  - 비쌈\n')).toEqual([
				['비교', '- 장점\n  - 빠름\n  - 쌈\n- 단점\n  - 느림\n  - 비쌈'],
				['장점\n\n[sound:pros.mp3]', '- 빠름\n- 쌈'],
				['단점\n\n[sound:cons.mp3]', '- 느림\n- 비쌈']
			]);
			// So does a term's beside a picture, where the list's card is made: the word is asked on its own card.
			expect(sidesOf('## 단어\n\n- **abandon** ![[abandon.mp3]]: 버리다\n- **subtle**: 미묘한\n\n![[words.wav]]\n')).toEqual([
				['단어', '- abandon: 버리다\n- subtle: 미묘한\n\n[sound:words.wav]'],
				['abandon\n\n[sound:abandon.mp3]', '버리다'],
				['subtle', '미묘한']
			]);
		});

		it('plays a table row’s first cell’s sound with the question, another cell’s with its own row’s answer', () => {
			expect(sidesOf('## 표\n\n| word | 뜻 |\n|---|---|\n| apple ![[apple.mp3]] | 사과 |\n| pear | 배 ![[pear.mp3]] |\n')).toEqual([
				['apple\n\n[sound:apple.mp3]', '사과'],
				['pear', '배\n\n[sound:pear.mp3]']
			]);
		});

		it('keeps a cloze’s sound after its answer, for in the sentence it would say the hidden words', () => {
			expect(sidesOf('## 세포\n\nThe ==mitochondria== ![[m.mp3]] is the powerhouse of the cell.\n')).toEqual([
				['The [...] is the powerhouse of the cell.', 'The ==mitochondria== is the powerhouse of the cell.\n\n[sound:m.mp3]']
			]);
		});

		it('changes no card’s id nor its question’s text when a sound is added to a question or moved between question and answer', () => {
			const plain = '## 단어\n\n- **bank**: 은행\n- **bank**: 강둑\n- abandon - 버리다\n- subtle - 미묘한\n\n## 질문\n\nQ: What makes antibodies?\nA: Plasma cells\n\n| word | 뜻 |\n|---|---|\n| apple | 사과 |\n';
			const asking = plain
				.replace('**bank**: 은행', '**bank** ![[bank.mp3]]: 은행')
				.replace('abandon -', 'abandon ![[abandon.mp3]] -')
				.replace('## 질문', '## 질문 ![[questions.mp3]]')
				.replace('antibodies?', 'antibodies? ![[q.mp3]]')
				.replace('| apple |', '| apple ![[apple.mp3]] |');
			const answering = plain.replace('은행', '은행 ![[bank.mp3]]').replace('버리다', '버리다 ![[abandon.mp3]]').replace('Plasma cells', 'Plasma cells ![[q.mp3]]').replace('사과', '사과 ![[apple.mp3]]');
			const [before, asked, answered] = [plain, asking, answering].map((note) => generate(note).deck.cards);
			expect(asked?.filter((card) => card.front.includes('[sound:')).length).toBe(4);
			expect(answered?.filter((card) => card.back.includes('[sound:')).length).toBe(4);
			for (const after of [asked, answered]) {
				expect(after?.map((card) => card.id)).toEqual(before?.map((card) => card.id));
				expect(after?.map((card) => unvoiced(card.front))).toEqual(before?.map((card) => card.front));
				expect(after?.map((card) => unvoiced(card.back))).toEqual(before?.map((card) => card.back));
				expect(after?.map((card) => card.siblingKeys)).toEqual(before?.map((card) => card.siblingKeys));
			}
		});

		it('pairs a card whose heading was renamed while its question’s sound was added or moved to its answer', () => {
			const before = generate('## 단어\n\n- **abandon** ![[abandon.mp3]]: 버리다\n- **subtle**: 미묘한\n').deck.cards;
			const after = generate('## 영단어\n\n- **abandon**: 버리다 ![[abandon.mp3]]\n- **subtle** ![[subtle.mp3]]: 미묘한\n').deck.cards;
			expect(before[0]?.front).toBe('abandon\n\n[sound:abandon.mp3]');
			expect(after[1]?.front).toBe('subtle\n\n[sound:subtle.mp3]');
			const pairs = matchCards(before, after).map((match) => [match.from, match.to]);
			expect(pairs).toContainEqual([before[0]?.id, after[0]?.id]);
			expect(pairs).toContainEqual([before[1]?.id, after[1]?.id]);
		});
	});
});
