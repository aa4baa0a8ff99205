import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { studyDay } from '../../../../src/lib/srs/day';
import { foldRows } from '../../../../src/lib/srs/history';
import { sm2, NEW_CARD, type Grade } from '../../../../src/lib/srs/sm2';
import { BASIC_MODEL_ID, BASIC_REVERSED_MODEL_ID, CLOZE_MODEL_ID } from '../../../../src/lib/io/anki/export-collection';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { exportGuid } from '../../../../src/lib/io/anki/export';
import { cardHistory, easeForGrade } from '../../../../src/lib/io/anki/export-schedule';
import { dayStartMs } from '../../../../src/lib/io/anki/export-time';
import {
	LogWriter,
	NOW,
	SEOUL,
	day,
	exportAndOpen,
	fieldsOf,
	loadSql,
	makeBundle,
	makeCard,
	makeDeck,
	type OpenedPackage,
	type Row
} from './export-helpers';

const seconds = (iso: string) => Date.parse(iso) / 1000;

function cardOf(opened: OpenedPackage, cardId: string): Row {
	const note = opened.notes.find((row) => row.guid === exportGuid(cardId));
	if (!note) throw new Error(`no note for ${cardId}`);
	const card = opened.cards.find((row) => row.nid === note.id);
	if (!card) throw new Error(`no card for ${cardId}`);
	return card;
}

describe('writeAnkiPackage: the collection', () => {
	it('is a schema-11 collection with every table, index and JSON column Anki reads', async () => {
		const deck = makeDeck('d1', 'Basics', [makeCard('c1', 'd1', 'Question', 'Answer', { tags: ['aws', 'two words'] })]);
		const opened = await exportAndOpen(makeBundle([deck]));
		expect([...opened.files.keys()].sort()).toEqual(['collection.anki2', 'media']);
		expect(opened.media).toEqual({});

		const { col } = opened;
		expect(col).toMatchObject({ id: 1, ver: 11, dty: 0, usn: 0, ls: 0, mod: NOW, scm: NOW });
		expect(opened.indexes).toEqual(['ix_cards_nid', 'ix_cards_sched', 'ix_cards_usn', 'ix_notes_csum', 'ix_notes_usn', 'ix_revlog_cid', 'ix_revlog_usn']);
		expect(opened.graves).toEqual([]);
		expect(opened.revlog).toEqual([]);

		expect(opened.conf).toMatchObject({ schedVer: 2, rollover: 4, creationOffset: -540, localOffset: -540, curModel: BASIC_MODEL_ID, nextPos: 2 });
		expect(opened.dconf['1']).toMatchObject({ id: 1, name: 'Default', maxTaken: 60, new: { initialFactor: 2500 } });
		expect(Object.keys(opened.models).map(Number).sort()).toEqual([BASIC_MODEL_ID, CLOZE_MODEL_ID, BASIC_REVERSED_MODEL_ID]);
		const basic = opened.models[BASIC_MODEL_ID]!;
		expect(basic).toMatchObject({ id: BASIC_MODEL_ID, name: 'Basic', type: 0, sortf: 0 });
		expect(basic.flds.map((field) => [field.name, field.ord])).toEqual([['Front', 0], ['Back', 1]]);
		expect(basic.tmpls[0]).toMatchObject({ qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' });
		const cloze = opened.models[CLOZE_MODEL_ID]!;
		expect(cloze).toMatchObject({ name: 'Cloze', type: 1 });
		expect(cloze.flds.map((field) => field.name)).toEqual(['Text', 'Back Extra']);
		expect(cloze.tmpls[0]?.qfmt).toBe('{{cloze:Text}}');
		for (const model of Object.values(opened.models)) {
			for (const key of ['id', 'name', 'type', 'mod', 'usn', 'sortf', 'did', 'tmpls', 'flds', 'css']) expect(model).toHaveProperty(key);
			expect(opened.decks[model.did]).toBeDefined();
		}
		expect(opened.decks['1']).toMatchObject({ id: 1, name: 'Default', dyn: 0, conf: 1 });
		for (const deckJson of Object.values(opened.decks)) {
			for (const key of ['id', 'name', 'usn', 'lrnToday', 'revToday', 'newToday', 'timeToday', 'collapsed', 'dyn', 'conf']) expect(deckJson).toHaveProperty(key);
			expect(opened.dconf[deckJson.conf]).toBeDefined();
		}
		expect(opened.tags).toEqual({ aws: 0, two_words: 0 });

		const [note] = opened.notes;
		expect(note).toMatchObject({ guid: exportGuid('c1'), mid: BASIC_MODEL_ID, usn: -1, tags: ' aws two_words ', flags: 0, data: '' });
		expect(note?.flds).toBe('<p>Question</p>\u001f<p>Answer</p>');
		expect(note?.sfld).toBe('Question');
		const [card] = opened.cards;
		expect(card).toMatchObject({ nid: note?.id, ord: 0, type: 0, queue: 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, odue: 0, odid: 0 });
		expect(opened.decks[String(card?.did)]?.name).toBe('Basics');
	});

	it('keeps every reference consistent: notes to note types, cards to notes and decks, fields to their note type', async () => {
		const decks = [
			makeDeck('d1', 'One', [makeCard('a', 'd1', 'A', 'a'), makeCard('b', 'd1', '[...] is blue', '==The sky== is blue', { kind: 'cloze', rule: 'cloze' })]),
			makeDeck('d2', 'Two', [makeCard('c', 'd2', 'C', 'c')])
		];
		const opened = await exportAndOpen(makeBundle(decks));
		expect(opened.notes).toHaveLength(3);
		expect(opened.cards).toHaveLength(3);
		const noteIds = new Set(opened.notes.map((note) => note.id));
		for (const note of opened.notes) {
			const model = opened.models[String(note.mid)];
			expect(model).toBeDefined();
			expect(fieldsOf(note)).toHaveLength(model!.flds.length);
		}
		for (const card of opened.cards) {
			expect(noteIds.has(card.nid)).toBe(true);
			expect(opened.decks[String(card.did)]).toBeDefined();
		}
		expect(new Set(opened.cards.map((card) => card.id)).size).toBe(3);
		expect(new Set(opened.notes.map((note) => note.guid)).size).toBe(3);
		expect(opened.decks[String(cardOf(opened, 'c').did)]?.name).toBe('Two');
		// Integers are stored as integers, text as text, as Anki's own collections hold them.
		for (const column of ['id', 'mid', 'mod', 'csum']) expect(opened.types('notes', column)).toEqual(['integer']);
		for (const column of ['id', 'nid', 'did', 'due', 'ivl', 'factor']) expect(opened.types('cards', column)).toEqual(['integer']);
		expect(opened.types('notes', 'flds')).toEqual(['text']);
		expect(opened.types('notes', 'guid')).toEqual(['text']);
	});

	it('checksums the first field as Anki does: the first 8 hex digits of the SHA-1 of its text, HTML stripped and media names kept', async () => {
		const cards = [
			makeCard('a', 'd', '<b>Bold</b> &amp; <i>plain</i>&nbsp;text', 'x', { format: 'html' }),
			makeCard('b', 'd', 'Look: <img src="pic.png" alt="a picture">!', 'x', { format: 'html' }),
			makeCard('c', 'd', '리전 <!-- note --><span>이란?</span>', 'x', { format: 'html' })
		];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)], [], { media: [{ name: 'pic.png', type: 'image/png', bytes: new Uint8Array([1]) }] }));
		const sfld = opened.notes.map((note) => note.sfld);
		expect(sfld).toEqual(['Bold & plain text', 'Look:  pic.png !', '리전 이란?']);
		for (const note of opened.notes) {
			const expected = parseInt(createHash('sha1').update(String(note.sfld)).digest('hex').slice(0, 8), 16);
			expect(note.csum).toBe(expected);
		}
	});

	it('writes the same bytes for the same bundle and time', async () => {
		const bundle = makeBundle([makeDeck('d', 'D', [makeCard('a', 'd', 'A', 'a')])]);
		const first = await exportAndOpen(bundle);
		const second = await exportAndOpen(bundle);
		expect(second.bytes).toEqual(first.bytes);
	});

	it('keeps Korean text as it is, in NFC, and cleans out control characters that would split fields', async () => {
		const decomposed = '한국어'.normalize('NFD');
		const cards = [
			makeCard('k1', 'd', 'S3', '객체 기반 스토리지 서비스', { tags: ['클라우드 기초'] }),
			makeCard('k2', 'd', `${decomposed} 질문`, 'a\u001fb\u0007c')
		];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'AWS 기초', cards)]));
		expect(fieldsOf(opened.notes[0]!)).toEqual(['<p>S3</p>', '<p>객체 기반 스토리지 서비스</p>']);
		expect(opened.notes[0]?.tags).toBe(' 클라우드_기초 ');
		expect(fieldsOf(opened.notes[1]!)).toEqual(['<p>한국어 질문</p>', '<p>abc</p>']);
		expect(opened.notes[1]?.sfld).toBe('한국어 질문');
		expect(Object.values(opened.decks).map((deck) => deck.name)).toContain('AWS 기초');
	});
});

describe('writeAnkiPackage: decks', () => {
	it('makes sub-decks from "::" names, with their parents, and keeps two decks of one name apart', async () => {
		const decks = [
			makeDeck('ec2', 'AWS::EC2', [makeCard('a', 'ec2', 'A', 'a')]),
			makeDeck('s3', ' AWS :: S3 :: ', [makeCard('b', 's3', 'B', 'b')]),
			makeDeck('x1', 'Notes', [makeCard('c', 'x1', 'C', 'c')]),
			makeDeck('x2', 'notes', [makeCard('d', 'x2', 'D', 'd')])
		];
		const opened = await exportAndOpen(makeBundle(decks));
		const names = Object.values(opened.decks).map((deck) => deck.name).sort();
		expect(names).toEqual(['AWS', 'AWS::EC2', 'AWS::S3', 'Default', 'Notes', 'notes (2)']);
		expect(opened.decks[String(cardOf(opened, 'b').did)]?.name).toBe('AWS::S3');
		expect(opened.decks[String(cardOf(opened, 'd').did)]?.name).toBe('notes (2)');
		expect(opened.warnings.map((warning) => warning.message)).toEqual(['Two decks are named "notes": the second one is "notes (2)" in Anki.']);
		expect(new Set(Object.values(opened.decks).map((deck) => deck.id)).size).toBe(6);
		for (const [key, deck] of Object.entries(opened.decks)) expect(String(deck.id)).toBe(key);
	});

	it('puts a deck named Default into Anki\'s Default deck', async () => {
		const opened = await exportAndOpen(makeBundle([makeDeck('x', 'default', [makeCard('a', 'x', 'A', 'a')])]));
		expect(cardOf(opened, 'a').did).toBe(1);
		expect(Object.keys(opened.decks)).toEqual(['1']);
	});
});

describe('writeAnkiPackage: deck options', () => {
	const decks = () => [makeDeck('jp', 'Japanese::Verbs', [makeCard('a', 'jp', 'A', 'a')]), makeDeck('plain', 'Plain', [makeCard('b', 'plain', 'B', 'b')])];
	const store = { decks: { jp: { options: { newPerDay: 35, reviewsPerDay: 350, newOrder: 'random' as const, leechAction: 'suspend' as const } } }, cards: {} };

	it('writes a deck’s own options as its options group, the rest from the global settings; other decks keep Default', async () => {
		const opened = await exportAndOpen(makeBundle(decks(), [], { store }), {
			globalOptions: { newPerDay: 20, reviewsPerDay: 200, newOrder: 'note', buryNewSiblings: true, buryReviewSiblings: false, leechThreshold: 6, leechAction: 'tag' }
		});
		const deckOf = (name: string) => Object.values(opened.decks).find((deck) => deck.name === name)!;
		const verbs = deckOf('Japanese::Verbs');
		expect(verbs.conf).not.toBe(1);
		expect(opened.dconf[verbs.conf]).toMatchObject({
			id: verbs.conf,
			name: 'Japanese::Verbs',
			dyn: false,
			new: { perDay: 35, order: 0, bury: true, delays: [1, 10], initialFactor: 2500 },
			rev: { perDay: 350, bury: false, maxIvl: 36500 },
			lapse: { leechFails: 6, leechAction: 0 }
		});
		// A parent made for it, and a deck without options of its own, use the Default group, which stays 20 / 200.
		expect(deckOf('Japanese').conf).toBe(1);
		expect(deckOf('Plain').conf).toBe(1);
		expect(opened.dconf['1']).toMatchObject({ name: 'Default', new: { perDay: 20 }, rev: { perDay: 200 } });
		expect(Object.keys(opened.dconf)).toHaveLength(2);
	});

	it('reads a deck’s options group back as its options, and none for a deck on the Default group', async () => {
		const opened = await exportAndOpen(makeBundle(decks(), [], { store }));
		const back = await readAnkiPackage(opened.bytes, { sql: await loadSql(), now: NOW, dayOptions: SEOUL });
		// The deck's own options, not the settings the group took the rest from.
		expect(back.deckOptions).toEqual({ jp: { newPerDay: 35, reviewsPerDay: 350, newOrder: 'random', leechAction: 'suspend' } });
	});
});

describe('writeAnkiPackage: cloze cards', () => {
	const cloze = (id: string, front: string, back: string) => makeCard(id, 'd', front, back, { kind: 'cloze', rule: 'emphasis' });

	it('turns the highlights of the back into deletions of cloze 1, with hints from the front', async () => {
		const cards = [
			cloze('k', '이에 대응하기 위해 아마존은 내부적으로 [...]를 구축', '이에 대응하기 위해 아마존은 내부적으로 ==자체 클라우드 컴퓨팅 인프라==를 구축'),
			cloze('h', 'The capital of France is [city].', 'The capital of France is ==Paris==.'),
			cloze('two', '[...] and [...] are one card', '==Salt== and ==pepper== are one card'),
			cloze('code', 'Run [...] where `a == b` holds', 'Run ==`npm ci`== where `a == b` holds'),
			cloze('link', '\\[...\\](see) it', '==Look==(see) it')
		];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)]));
		expect(opened.warnings).toEqual([]);
		const text = (id: string) => {
			const note = opened.notes.find((row) => row.guid === exportGuid(id))!;
			expect(note.mid).toBe(CLOZE_MODEL_ID);
			return fieldsOf(note);
		};
		expect(text('k')).toEqual(['<p>이에 대응하기 위해 아마존은 내부적으로 {{c1::자체 클라우드 컴퓨팅 인프라}}를 구축</p>', '']);
		expect(text('h')[0]).toBe('<p>The capital of France is {{c1::Paris::city}}.</p>');
		expect(text('two')[0]).toBe('<p>{{c1::Salt}} and {{c1::pepper}} are one card</p>');
		expect(text('code')[0]).toBe('<p>Run {{c1::`npm ci`}} where `a == b` holds</p>');
		expect(text('link')[0]).toBe('<p>{{c1::Look}}(see) it</p>');
		// One Anki card per Recall card: cloze 1, ordinal 0.
		expect(opened.cards.every((card) => card.ord === 0)).toBe(true);
	});

	it('exports a cloze card whose back marks no deletion Anki can read as Basic, with a warning', async () => {
		const cards = [cloze('none', 'Fill [...] in', 'Fill it in'), cloze('braces', 'A [...] b', 'A ==x}}y== b')];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)]));
		expect(opened.notes.map((note) => note.mid)).toEqual([BASIC_MODEL_ID, BASIC_MODEL_ID]);
		expect(fieldsOf(opened.notes[0]!)).toEqual(['<p>Fill [...] in</p>', '<p>Fill it in</p>']);
		expect(opened.warnings.map((warning) => warning.message)).toEqual([
			'The cloze card "Fill [...] in" has no deletion Anki can read; it is exported as a Basic card.',
			'The cloze card "A [...] b" has no deletion Anki can read; it is exported as a Basic card.'
		]);
	});

	it('falls back to Basic when the renderer does not keep the deletions', async () => {
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', [cloze('c', '[...] x', '==y== x')])]), {
			renderSide: (card, side) => `<p>${(side === 'front' ? card.front : card.back).replace(/[{}]/g, '')}</p>`
		});
		expect(opened.notes[0]?.mid).toBe(BASIC_MODEL_ID);
		expect(opened.warnings).toHaveLength(1);
	});
});

describe('writeAnkiPackage: media', () => {
	const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
	const jpg = new Uint8Array([0xff, 0xd8, 0xff, 9, 9]);

	it('packs the files numbered 0, 1, … with a media map, and points the cards at them', async () => {
		const cards = [
			makeCard('a', 'd', 'Diagram', 'See below', { images: [{ src: 'diagram.png', alt: 'a "diagram"' }] }),
			makeCard('b', 'd', 'Remote', 'Online', { images: [{ src: 'https://example.com/r.png', alt: 'image' }] }),
			makeCard('c', 'd', 'HTML <img src="img/리전.jpg">', 'x', { format: 'html' }),
			makeCard('e', 'd', 'Lost', 'x', { images: [{ src: 'nowhere.gif', alt: '' }] })
		];
		const media = [
			{ name: 'diagram.png', type: 'image/png', bytes: png },
			{ name: 'img/리전.jpg'.normalize('NFD'), type: 'image/jpeg', bytes: jpg },
			{ name: 'Diagram.PNG', type: 'image/png', bytes: jpg }
		];
		// The HTML card names the NFD file in NFC; the bundle's name is what it must match.
		cards[2] = { ...cards[2]!, front: `HTML <img src="${media[1]!.name}">` };
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)], [], { media }));
		expect(opened.media).toEqual({ '0': 'diagram.png', '1': 'img_리전.jpg', '2': 'Diagram-2.PNG' });
		expect(opened.files.get('0')).toEqual(png);
		expect(opened.files.get('1')).toEqual(jpg);
		expect(opened.files.get('2')).toEqual(jpg);
		expect(fieldsOf(opened.notes[0]!)[1]).toBe('<p>See below</p><div><img src="diagram.png" alt="a &quot;diagram&quot;"></div>');
		expect(fieldsOf(opened.notes[1]!)[1]).toBe('<p>Online</p><div><img src="https://example.com/r.png" alt="image"></div>');
		expect(fieldsOf(opened.notes[2]!)[0]).toBe('HTML <img src="img_리전.jpg">');
		expect(opened.notes[2]?.sfld).toBe('HTML  img_리전.jpg ');
		expect(opened.warnings.map((warning) => warning.message)).toEqual(['The image "nowhere.gif" is not among the exported files; Anki will not find it.']);
	});

	it('points a Markdown image at its file however the rendered HTML spells the name, as the table for Anki does', async () => {
		const { cardSideExportHtml } = await import('../../../../src/lib/render/markdown');
		// markdown-it writes the path percent-encoded: it is the stored `maps/my map.png`.
		const card = makeCard('a', 'd', 'Daegu', '![inland](<maps/my map.png>)');
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', [card])], [], { media: [{ name: 'maps/my map.png', type: 'image/png', bytes: png }] }), { renderSide: cardSideExportHtml });
		expect(opened.media).toEqual({ '0': 'maps_my map.png' });
		expect(fieldsOf(opened.notes[0]!)[1]).toBe('<p><img src="maps_my map.png" alt="inland"></p>');
		expect(opened.warnings).toEqual([]);
	});

	it('names an image not among the files that a card shows in its HTML (an Anki card’s) or its Markdown, once each', async () => {
		const cards = [
			makeCard('a', 'd', 'Which muscle? <br> <img src="Coracobrachialis.JPG" />', '<b>Coracobrachialis</b><br><img src="Coracobrachialis.JPG" />', { format: 'html' }),
			makeCard('b', 'd', "<img alt='x' src='there.png'> and <img src=https://example.com/r.png>", 'x', { format: 'html' }),
			makeCard('c', 'd', 'Map', '![the map](gone/map.png) and a [link](notes.md)')
		];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)], [], { media: [{ name: 'there.png', type: 'image/png', bytes: png }] }));
		expect(opened.warnings.map((warning) => warning.message)).toEqual([
			'The image "Coracobrachialis.JPG" is not among the exported files; Anki will not find it.',
			'The image "gone/map.png" is not among the exported files; Anki will not find it.'
		]);
	});

	it('gives every media file a name Anki keeps as it is', async () => {
		const { ankiMediaName } = await import('../../../../src/lib/io/anki/export-fields');
		expect(ankiMediaName('a:b?.png')).toBe('ab.png');
		expect(ankiMediaName('dir\\sub/x.png')).toBe('dir_sub_x.png');
		expect(ankiMediaName('CON.png')).toBe('CON_.png');
		expect(ankiMediaName('name.')).toBe('name._');
		expect(ankiMediaName('[]')).toBe('media');
		const long = ankiMediaName(`${'가'.repeat(100)}.png`);
		expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(120);
		expect(long.endsWith('.png')).toBe(true);
	});

	it('keeps a media map with nothing in it valid JSON', async () => {
		const opened = await exportAndOpen(makeBundle([]));
		expect(opened.media).toEqual({});
		expect(opened.notes).toEqual([]);
		expect(strToU8(JSON.stringify(opened.media))).toEqual(opened.files.get('media'));
	});
});

describe('writeAnkiPackage: scheduling and history', () => {
	/** One card of each kind, with a log written the way the study screen writes it (Seoul, day starts at 4:00). */
	function scheduledBundle() {
		const log = new LogWriter(SEOUL);
		// review: 4, 4, 5 → intervals 1, 6, 16 (EF 2.6), due 2026-12-03
		log.answer('review', '2026-11-10T09:00:00+09:00', 4, 'new', 4000);
		log.answer('review', '2026-11-11T09:00:00+09:00', 4, 'review', 3000);
		log.answer('review', '2026-11-17T09:00:00+09:00', 5, 'review', 2000);
		// relearn: remembered, then forgotten on its first review
		log.answer('relearn', '2026-11-20T09:00:00+09:00', 4, 'new');
		log.answer('relearn', '2026-11-21T09:00:00+09:00', 1, 'review');
		// learn: failed when first seen, today; 90 s on the card
		log.answer('learn', '2026-11-25T10:00:00+09:00', 2, 'new', 90_000);
		// hard: graded 3 today, so it comes back today
		log.answer('hard', '2026-11-24T09:00:00+09:00', 4, 'new');
		log.answer('hard', '2026-11-25T09:00:00+09:00', 3, 'review');
		// imported: a schedule set outright (from another app), overdue since 2026-11-21, buried until tomorrow
		log.set('imported', '2026-11-01T09:00:00+09:00', { repetitions: 3, easiness: 2.2, interval: 20, extraReview: false }, day('2026-11-21'));
		const cards = ['review', 'relearn', 'learn', 'hard', 'new1', 'suspended', 'imported', 'new2'].map((id) => makeCard(id, 'd', `Q ${id}`, `A ${id}`));
		const progress = {
			suspended: { suspended: true, updatedAt: 0 },
			imported: { suspended: false, buriedUntil: day('2026-11-26'), updatedAt: 0 },
			new2: { suspended: false, buriedUntil: day('2026-11-25'), updatedAt: 0 }
		};
		return { bundle: makeBundle([makeDeck('d', 'D', cards)], log.rows, { progress }), log };
	}

	it('converts each card to its Anki type, queue and due (golden)', async () => {
		const { bundle } = scheduledBundle();
		const opened = await exportAndOpen(bundle);
		// The collection starts on the earliest due day of a review card: 2026-11-21, at 4:00 in Seoul.
		expect(opened.col.crt).toBe(seconds('2026-11-21T04:00:00+09:00'));
		const row = (id: string) => {
			const { type, queue, due, ivl, factor, reps, lapses, left } = cardOf(opened, id);
			return { type, queue, due, ivl, factor, reps, lapses, left };
		};
		expect(row('review')).toEqual({ type: 2, queue: 2, due: 12, ivl: 16, factor: 2600, reps: 3, lapses: 0, left: 0 });
		expect(row('relearn')).toEqual({ type: 3, queue: 1, due: seconds('2026-11-21T04:00:00+09:00'), ivl: 1, factor: 2500, reps: 2, lapses: 1, left: 1001 });
		expect(row('learn')).toEqual({ type: 1, queue: 1, due: seconds('2026-11-25T04:00:00+09:00'), ivl: 0, factor: 2500, reps: 1, lapses: 0, left: 1001 });
		expect(row('hard')).toEqual({ type: 2, queue: 2, due: 4, ivl: 6, factor: 2360, reps: 2, lapses: 0, left: 0 });
		expect(row('new1')).toEqual({ type: 0, queue: 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0 });
		expect(row('suspended')).toEqual({ type: 0, queue: -1, due: 2, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0 });
		expect(row('imported')).toEqual({ type: 2, queue: -3, due: 0, ivl: 20, factor: 2200, reps: 0, lapses: 0, left: 0 });
		// The day it stays buried until, which Anki's queue cannot say, in its custom data: 2026-11-26 is day 5. A review
		// card's SM-2 repetitions and pending same-day repeat, which its columns cannot say either, beside the reps written
		// (none for a schedule set outright).
		const custom = (id: string) => JSON.parse(JSON.parse(String(cardOf(opened, id).data)).cd) as Record<string, unknown>;
		expect(custom('imported')).toEqual({ buried: 5, fields: expect.any(Number), n: 3, reps: 0 });
		expect(custom('review')).toEqual({ fields: expect.any(Number), n: 3, reps: 3 });
		expect(custom('hard')).toEqual({ fields: expect.any(Number), n: 2, repeat: 1, reps: 2 });
		for (const id of ['relearn', 'learn', 'suspended', 'new2']) expect(Object.keys(custom(id))).toEqual(['fields']);
		// Buried until today: no longer buried.
		expect(row('new2')).toEqual({ type: 0, queue: 0, due: 3, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0 });
		expect(opened.conf.nextPos).toBe(4);
	});

	it('writes each note’s checksum (fields and tags as written) in its card’s custom data, within Anki’s limits', async () => {
		const cards = [makeCard('plain', 'd', 'Question', 'Answer', { tags: ['b tag', 'a'] }), makeCard('bare', 'd', '리전', '데이터 센터')];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)], [], { progress: { bare: { suspended: false, buriedUntil: day('2027-01-01'), updatedAt: 0 } } }));
		for (const id of ['plain', 'bare']) {
			const card = cardOf(opened, id);
			const note = opened.notes.find((row) => row.id === card.nid)!;
			const tags = String(note.tags).trim().split(' ').filter(Boolean).sort().join(' ');
			const sha = createHash('sha1').update(`${String(note.flds)}\u001e${tags}`).digest('hex');
			const custom = JSON.parse(String(card.data)).cd as string;
			expect(JSON.parse(custom).fields).toBe(parseInt(sha.slice(0, 8), 16));
			// Anki refuses custom data over 100 bytes, or with a key over 8.
			expect(new TextEncoder().encode(custom).length).toBeLessThanOrEqual(100);
			for (const key of Object.keys(JSON.parse(custom))) expect(key.length).toBeLessThanOrEqual(8);
		}
		expect(cardOf(opened, 'plain').data).not.toBe(cardOf(opened, 'bare').data);
	});

	it('lets Anki count days the way the app does: due - days elapsed = due day - today', async () => {
		const { bundle, log } = scheduledBundle();
		const opened = await exportAndOpen(bundle);
		// Anki's sched_timing_today_v2_new: calendar days between crt (at creationOffset) and now, less one before the rollover.
		const calendarDay = (secondsAt: number, minutesWest: number) => Math.floor((secondsAt * 1000 - minutesWest * 60_000) / 86_400_000);
		const nowSeconds = NOW / 1000;
		const hourNow = new Date(NOW - Number(opened.conf.localOffset) * 60_000).getUTCHours();
		const daysElapsed =
			calendarDay(nowSeconds, Number(opened.conf.localOffset)) -
			calendarDay(Number(opened.col.crt), Number(opened.conf.creationOffset)) -
			(hourNow < Number(opened.conf.rollover) ? 1 : 0);
		const today = studyDay(NOW, SEOUL);
		for (const id of ['review', 'hard', 'imported']) {
			const dueDay = foldRows(log.rows.filter((row) => row.card === id)).dueDay!;
			expect(Number(cardOf(opened, id).due) - daysElapsed).toBe(dueDay - today);
		}
	});

	it('writes one revlog row per log row: ease from the grade, intervals, factor, capped time, type', async () => {
		const { bundle } = scheduledBundle();
		const opened = await exportAndOpen(bundle);
		const cid = (id: string) => cardOf(opened, id).id;
		const rows = opened.revlog.map(({ id, cid: card, usn, ease, ivl, lastIvl, factor, time, type }) => ({ id, card, usn, ease, ivl, lastIvl, factor, time, type }));
		const at = (iso: string) => Date.parse(iso);
		expect(rows).toEqual([
			{ id: at('2026-11-01T09:00:00+09:00'), card: cid('imported'), usn: -1, ease: 0, ivl: 20, lastIvl: 0, factor: 2200, time: 0, type: 4 },
			{ id: at('2026-11-10T09:00:00+09:00'), card: cid('review'), usn: -1, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 4000, type: 0 },
			{ id: at('2026-11-11T09:00:00+09:00'), card: cid('review'), usn: -1, ease: 3, ivl: 6, lastIvl: 1, factor: 2500, time: 3000, type: 1 },
			{ id: at('2026-11-17T09:00:00+09:00'), card: cid('review'), usn: -1, ease: 4, ivl: 16, lastIvl: 6, factor: 2600, time: 2000, type: 1 },
			{ id: at('2026-11-20T09:00:00+09:00'), card: cid('relearn'), usn: -1, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 0 },
			{ id: at('2026-11-21T09:00:00+09:00'), card: cid('relearn'), usn: -1, ease: 1, ivl: 0, lastIvl: 1, factor: 2500, time: 5000, type: 1 },
			{ id: at('2026-11-24T09:00:00+09:00'), card: cid('hard'), usn: -1, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 5000, type: 0 },
			{ id: at('2026-11-25T09:00:00+09:00'), card: cid('hard'), usn: -1, ease: 2, ivl: 6, lastIvl: 1, factor: 2360, time: 5000, type: 1 },
			{ id: at('2026-11-25T10:00:00+09:00'), card: cid('learn'), usn: -1, ease: 1, ivl: 0, lastIvl: 0, factor: 2500, time: 60_000, type: 0 }
		]);
	});

	it('marks a failed or repeated card answered in learning as relearning once it had been remembered', () => {
		const log = new LogWriter(SEOUL);
		log.answer('c', '2026-11-20T09:00:00+09:00', 1, 'new');
		log.answer('c', '2026-11-20T09:05:00+09:00', 1, 'learning');
		log.answer('c', '2026-11-20T09:10:00+09:00', 3, 'learning');
		log.answer('c', '2026-11-20T09:15:00+09:00', 4, 'learning');
		log.answer('c', '2026-11-21T09:00:00+09:00', 0, 'review');
		log.answer('c', '2026-11-21T09:05:00+09:00', 4, 'learning');
		const history = cardHistory(log.rows);
		expect(history.revlog.map((row) => [row.type, row.ease])).toEqual([
			[0, 1],
			[0, 1],
			[0, 2],
			[2, 3],
			[1, 1],
			[2, 3]
		]);
		// Only the failure of a remembered card is a lapse; same-day repeats never are.
		expect(history.lapses).toBe(1);
		expect(history.reps).toBe(6);
		expect(history.schedule).toEqual(foldRows(log.rows));
	});

	it('gives answers at the same millisecond distinct revlog ids', async () => {
		const log = new LogWriter(SEOUL);
		log.answer('a', '2026-11-20T09:00:00+09:00', 4, 'new');
		log.answer('b', '2026-11-20T09:00:00+09:00', 4, 'new');
		log.answer('c', '2026-11-20T09:00:00.001+09:00', 4, 'new');
		const cards = ['a', 'b', 'c'].map((id) => makeCard(id, 'd', id, id));
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)], log.rows));
		const base = Date.parse('2026-11-20T09:00:00+09:00');
		expect(opened.revlog.map((row) => row.id)).toEqual([base, base + 1, base + 2]);
		expect(opened.revlog.map((row) => row.cid)).toEqual(['a', 'b', 'c'].map((id) => cardOf(opened, id).id));
	});

	it('leaves out, with a warning, log rows of cards that are not exported', async () => {
		const log = new LogWriter(SEOUL);
		log.answer('gone', '2026-11-20T09:00:00+09:00', 4, 'new');
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', [makeCard('a', 'd', 'A', 'a')])], log.rows));
		expect(opened.revlog).toEqual([]);
		expect(opened.warnings.map((warning) => warning.message)).toEqual(['1 review log row belongs to a card that is not exported; it was left out.']);
		expect(opened.warnings[0]?.values).toEqual({ count: 1 });
	});

	it('maps SM-2 grades to Anki buttons so that replaying the revlog gives back the same schedule', () => {
		expect(([0, 1, 2, 3, 4, 5] as Grade[]).map(easeForGrade)).toEqual([1, 1, 1, 2, 3, 4]);
		// Grades 0-2 act alike in SM-2, so Again → 1, Hard → 3, Good → 4, Easy → 5 loses nothing.
		const back = { 1: 1, 2: 3, 3: 4, 4: 5 } as const;
		for (const grades of [[0, 4, 5, 3, 3, 4, 1, 5], [2, 2, 5, 5, 5, 5], [3, 4, 0, 1, 4]] as Grade[][]) {
			const log = new LogWriter(SEOUL);
			grades.forEach((grade, index) => log.answer('c', Date.parse('2026-11-01T09:00:00+09:00') + index * 86_400_000, grade, 'review'));
			const replayed = cardHistory(log.rows).revlog.reduce((state, row) => sm2(state, back[row.ease as 1 | 2 | 3 | 4]), NEW_CARD);
			expect(replayed).toEqual(foldRows(log.rows).state);
		}
	});

	it('starts a study day at its day-start hour, also across a daylight-saving change', () => {
		const newYork = { timeZone: 'America/New_York', dayStartHour: 4 };
		for (const iso of ['2026-03-08', '2026-03-09', '2026-11-01', '2026-07-01']) {
			const start = dayStartMs(day(iso), newYork);
			expect(studyDay(start, newYork)).toBe(day(iso));
			expect(studyDay(start - 1, newYork)).toBe(day(iso) - 1);
		}
		expect(dayStartMs(day('2026-11-25'), SEOUL)).toBe(Date.parse('2026-11-25T04:00:00+09:00'));
	});
});
