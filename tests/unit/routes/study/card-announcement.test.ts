import { describe, expect, it } from 'vitest';
import { partsText } from '../../../../src/lib/i18n/message-parts';
import { ANNOUNCED_SIDE_LENGTH, cardAnnouncement } from '../../../../src/routes/study/[scope]/card-announcement';

const card = { front: '**리전**이란?', back: '<b>Region</b> &amp; <script>alert(1)</script>zone', format: undefined };

describe('cardAnnouncement', () => {
	it('says a card shown front first with its place in the session, as text', () => {
		expect(partsText(cardAnnouncement('en', card, false, { done: 2, total: 20 }))).toBe('Card 3 of 20: 리전이란?');
		expect(partsText(cardAnnouncement('ko', card, false, { done: 0, total: 1 }))).toBe('1장 중 1번째 카드: 리전이란?');
	});

	it('says the answer once shown, its markup as the text a person reads', () => {
		const html = { ...card, format: 'html' as const };
		expect(partsText(cardAnnouncement('en', html, true, { done: 2, total: 20 }))).toBe('Answer: Region & zone');
		expect(partsText(cardAnnouncement('ko', html, true, { done: 2, total: 20 }))).toBe('정답: Region & zone');
	});

	it('cuts a long side short, and reads an image-only side by its source', () => {
		const long = partsText(cardAnnouncement('en', { ...card, front: 'word '.repeat(200) }, false, { done: 0, total: 1 }));
		expect(long).toMatch(/…$/);
		expect(long.length).toBe('Card 1 of 1: '.length + ANNOUNCED_SIDE_LENGTH);
		expect(partsText(cardAnnouncement('en', { ...card, back: '![](map.png)' }, true, { done: 0, total: 1 }))).toBe('Answer: ![](map.png)');
	});

	it('marks a side with its language, apart from the app’s words around it', () => {
		expect(cardAnnouncement('en', card, false, { done: 2, total: 20 })).toEqual([
			{ kind: 'words', text: 'Card 3 of 20: ' },
			{ kind: 'content', text: '리전이란?', lang: 'ko' }
		]);
		// English under the Korean interface is marked English (textLang), where it would be read with a Korean voice.
		expect(cardAnnouncement('ko', { ...card, format: 'html' }, true, { done: 0, total: 1 })).toEqual([
			{ kind: 'words', text: '정답: ' },
			{ kind: 'content', text: 'Region & zone', lang: 'en' }
		]);
		expect(cardAnnouncement('en', { ...card, format: 'html' }, true, { done: 0, total: 1 })[1]).toEqual({ kind: 'content', text: 'Region & zone', lang: undefined });
	});
});
