import { describe, expect, it } from 'vitest';
import { draftClozeText, showsOnlyClozeText } from '../../../../src/lib/io/anki/cloze-text';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { draftManualCards } from '../../../../src/lib/notes/manual';
import { buildPackage, loadSql, type NotetypeSpec } from './helpers';
import { DAY_OPTIONS, NOW, samplePackage } from './sample';

const HTML_TEXT = '<b>Seoul</b> is the capital of {{c1::Korea}},<br>in {{c2::Asia::continent}}.';

describe('draftClozeText', () => {
	it('makes an Anki note’s HTML text into its cards as Anki shows them: one per number, slot c<number>', () => {
		expect(draftClozeText(` ${HTML_TEXT} `, 'html')).toEqual({
			ok: true,
			cards: [
				{ kind: 'cloze', front: '<b>Seoul</b> is the capital of <span class="cloze-blank">[...]</span>,<br>in Asia.', back: '<b>Seoul</b> is the capital of <mark>Korea</mark>,<br>in Asia.', slot: 'c1' },
				{ kind: 'cloze', front: '<b>Seoul</b> is the capital of Korea,<br>in <span class="cloze-blank">[continent]</span>.', back: '<b>Seoul</b> is the capital of Korea,<br>in <mark>Asia</mark>.', slot: 'c2' }
			]
		});
		// Numbers in the order of the number, not of the text; ==…== is no deletion in HTML; an unclosed one is text.
		expect(draftClozeText('{{c2::b}} {{c1::a}}', 'html')).toMatchObject({ ok: true, cards: [{ slot: 'c1' }, { slot: 'c2' }] });
		expect(draftClozeText('==a== b', 'html')).toEqual({ ok: false, problem: 'no-cloze' });
		expect(draftClozeText('{{c1::a b', 'html')).toEqual({ ok: false, problem: 'no-cloze' });
		expect(draftClozeText('  ', 'html')).toEqual({ ok: false, problem: 'missing-front' });
	});

	it('makes a text written in the app (Markdown) into the cards Add cards makes', () => {
		const text = '저는 {{c1::학생::직업}}이에요. ==한국어==';
		expect(draftClozeText(text, undefined)).toEqual(draftManualCards('cloze', text, ''));
		expect(draftClozeText(text, 'markdown')).toEqual(draftManualCards('cloze', text, ''));
	});

	it('showsOnlyClozeText: the sides are the text’s cloze and nothing more (an empty Back Extra’s <br> aside)', () => {
		const draft = draftClozeText(HTML_TEXT, 'html');
		if (!draft.ok) throw new Error('no cloze');
		const c1 = draft.cards[0]!;
		expect(showsOnlyClozeText(HTML_TEXT, 1, c1)).toBe(true);
		expect(showsOnlyClozeText(HTML_TEXT, 1, { ...c1, back: `${c1.back}<br>` })).toBe(true);
		expect(showsOnlyClozeText(HTML_TEXT, 1, { ...c1, back: `${c1.back}<br>\nHan river` })).toBe(false);
		expect(showsOnlyClozeText(HTML_TEXT, 2, c1)).toBe(false);
		expect(showsOnlyClozeText(`${HTML_TEXT} [sound:a.mp3]`, 1, c1)).toBe(false);
	});
});

describe('an Anki Cloze note imported: its cards edited as its text where that is all they show', () => {
	const read = async (bytes: Uint8Array) => readAnkiPackage(bytes, { sql: await loadSql(), dayOptions: DAY_OPTIONS, now: NOW, name: 'a.apkg' });

	it('gives the cards of a note that shows its Text only the text, its guid and their numbers; not those that show more', async () => {
		const bundle = await read(await buildPackage(samplePackage(11)));
		const cards = new Map(bundle.decks.flatMap((deck) => deck.cards).map((card) => [card.id, card]));
		// Empty Back Extra: the text is all the cards show.
		expect(cards.get('anki-g-nested-0')?.clozeSource).toEqual({ id: 'g-nested', text: '{{c1::outer {{c2::inner}} text}}', slot: 'c1' });
		expect(cards.get('anki-g-nested-1')?.clozeSource).toEqual({ id: 'g-nested', text: '{{c1::outer {{c2::inner}} text}}', slot: 'c2' });
		// A Back Extra ("Han river") would be lost if the cards were made again from the text: front and back editing.
		expect(cards.get('anki-g-cloze-0')).not.toHaveProperty('clozeSource');
		expect(cards.get('anki-g-basic-0')).not.toHaveProperty('clozeSource');
	});

	it('leaves a template that shows more than the text (markup around it, another field) to front and back editing; images keep the names the cards use', async () => {
		const styled: NotetypeSpec = { id: 7, name: 'Styled cloze', cloze: true, fields: ['Text', 'Source'], templates: [{ name: 'Cloze', qfmt: '<div class="big">{{cloze:Text}}</div>', afmt: '{{cloze:Text}}<br>{{Source}}' }] };
		const stock: NotetypeSpec = { id: 8, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }] };
		const card = (id: number, nid: number) => ({ id, nid, did: 1, ord: 0, mod: 0, type: 0, queue: 0, due: id });
		const bundle = await read(
			await buildPackage({
				collection: {
					schema: 11,
					crt: 1_700_000_000,
					notetypes: [styled, stock],
					decks: [{ id: 1, name: 'Default' }],
					notes: [
						{ id: 1, guid: 'styled', mid: 7, fields: ['{{c1::a}} b', ''] },
						{ id: 2, guid: 'pictured', mid: 8, fields: ['<img src="서울.png"> {{c1::Seoul}}', ''] }
					],
					cards: [card(11, 1), card(12, 2)]
				},
				media: { '서울.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }
			})
		);
		const cards = new Map(bundle.decks.flatMap((deck) => deck.cards).map((one) => [one.id, one]));
		expect(cards.get('anki-styled-0')).not.toHaveProperty('clozeSource');
		const pictured = cards.get('anki-pictured-0')!;
		const src = /src="([^"]+)"/.exec(pictured.front)?.[1];
		expect(src).toMatch(/^[0-9a-f]{64}\.png$/);
		// The text names the image as the cards do, so cards made of it again show it.
		expect(pictured.clozeSource).toEqual({ id: 'pictured', text: `<img alt="서울" src="${src}"> {{c1::Seoul}}`, slot: 'c1' });
		const again = draftClozeText(pictured.clozeSource!.text, 'html');
		expect(again.ok && again.cards[0]?.front).toBe(pictured.front);
	});
});
