/**
 * Anki notes and cards to Recall decks and cards: each Anki card is rendered
 * through its note type's template to a front and a back in HTML.
 *
 * - A card's id is `anki-<note guid>-<card ordinal>`: the guid survives edits
 *   and exports, so importing a newer export of a deck updates its cards.
 * - Each Anki deck (a sub-deck too) is a Recall deck named "Parent::Child", id
 *   `anki-<slug of the name>`: never a built-in deck's id, never "all".
 *   A card in a filtered deck goes to its home deck.
 */
import type { Card, Deck } from '../../notes/deck-format';
import { slugify, hash53 } from '../../notes/text';
import { say, type ImportNotice } from '../notices';
import type { DeckOptionsMeta } from '../bundle';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNotetype, AnkiTemplate } from './collection';
import { removeUnplayableSounds } from './media';
import { playableSounds } from '../sound-tags';
import { noteChecksum } from './custom-data';
import { afterAnswerRule, answerWithoutFrontSide, parseTemplate, renderTemplate, stripHtml, type RenderContext, type TemplateNode } from './template';
import { groupBy } from '../group-by';
import { cardIdFor } from './card-ids';
import { showsOnlyClozeText } from './cloze-text';

export interface ImportedCard {
	card: Card;
	anki: AnkiCard;
	/** A card Recall exported (its custom data has its note's checksum): whether its note's fields or tags changed since. */
	editedSinceExport?: boolean;
	/** When its content last changed in Anki (UTC ms): its note's fields or tags, or the card itself (its deck), whichever is later. */
	contentAt: number;
	/** Its note's id: when the note was made (UTC ms), as Anki numbers notes. */
	noteId: number;
}

export interface RenderedCollection {
	decks: Deck[];
	/** The options of the decks that use an options group of their own, by Recall deck id. */
	deckOptions: Record<string, DeckOptionsMeta>;
	cards: ImportedCard[];
	warnings: ImportNotice[];
}

interface ParsedTemplate {
	template: AnkiTemplate;
	question: TemplateNode[];
	answer: TemplateNode[];
	/** The answer without a leading {{FrontSide}}, when it starts with one. */
	answerOnly: TemplateNode[] | undefined;
}

/** Why cards were left out: each is said once, with its count, at the end, in this order. */
const SKIPPED = ['anki-cards-without-notetype', 'anki-image-occlusion', 'anki-cards-without-template', 'anki-cloze-without-deletion', 'anki-empty-front', 'anki-duplicate-guid'] as const;
type SkipReason = (typeof SKIPPED)[number];

/** Counts of what was skipped, said once each at the end. */
class Skipped {
	private counts = new Map<SkipReason, number>();
	add(why: SkipReason, count = 1): void {
		this.counts.set(why, (this.counts.get(why) ?? 0) + count);
	}
	notices(): ImportNotice[] {
		return SKIPPED.flatMap((why) => {
			const count = this.counts.get(why) ?? 0;
			return count > 0 ? [say(why, { count })] : [];
		});
	}
}

/** Whether a side shows anything: text, an image, or a sound (a listening card's front is only its sound). */
export function hasContent(html: string): boolean {
	if (/<img\b/i.test(html) || playableSounds(html).length > 0) return true;
	return stripHtml(html).replace(/&nbsp;|&#160;|\s|\u00a0/gi, '') !== '';
}

/**
 * Deck ids for Anki deck names: `anki-<slug>`, with a hash of the name when two
 * names make one slug; a deck Recall exported keeps its Recall id (`known`).
 */
export function ankiDeckIds(names: Iterable<string>, known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
	const ids = new Map<string, string>();
	const used = new Set<string>(known.values());
	for (const name of [...new Set(names)].sort()) {
		const recallId = known.get(name);
		if (recallId !== undefined) {
			ids.set(name, recallId);
			continue;
		}
		let id = `anki-${slugify(name)}`;
		if (used.has(id)) id = `${id}-${hash53(name).slice(0, 6)}`;
		used.add(id);
		ids.set(name, id);
	}
	return ids;
}

/** The one field a cloze template's question blanks (`{{cloze:Text}}`): the note's text, which its cards are made of. */
function clozeFieldOf(nodes: readonly TemplateNode[]): string | undefined {
	const names = new Set<string>();
	const visit = (children: readonly TemplateNode[]) => {
		for (const node of children) {
			if (node.type === 'field' && node.filters.includes('cloze')) names.add(node.name);
			else if (node.type === 'section') visit(node.children);
		}
	};
	visit(nodes);
	return names.size === 1 ? [...names][0] : undefined;
}

function parseNotetype(notetype: AnkiNotetype): ParsedTemplate[] {
	return notetype.templates.map((template) => {
		const answer = parseTemplate(template.answer);
		return { template, question: parseTemplate(template.question), answer, answerOnly: answerWithoutFrontSide(answer) };
	});
}

function specialFields(note: AnkiNote, notetype: AnkiNotetype, deckName: string, template: AnkiTemplate, clozeOrdinal: number): Map<string, string> {
	const specials = new Map([
		['Tags', note.tags.join(' ')],
		['Type', notetype.name],
		['Deck', deckName],
		['Subdeck', deckName.split('::').at(-1) ?? deckName],
		['Card', template.name],
		['CardFlag', '']
	]);
	// Cloze templates may ask {{#c2}}: true on the card of deletion 2.
	if (clozeOrdinal > 0) specials.set(`c${clozeOrdinal}`, '1');
	return specials;
}

interface Sides {
	front: string;
	back: string;
}

/**
 * The front, and the back as Recall shows it: under the front, so without
 * the question Anki's answer side usually repeats. The back is the first of
 * these that shows something: what follows `<hr id=answer>`, the answer
 * without its leading {{FrontSide}}, the whole answer, the front.
 */
function renderSides(parsed: ParsedTemplate, context: RenderContext): Sides {
	const front = renderTemplate(parsed.question, 'question', context).trim();
	const whole = renderTemplate(parsed.answer, 'answer', context, front);
	const withoutFront = parsed.answerOnly ? renderTemplate(parsed.answerOnly, 'answer', context, front) : whole;
	const candidates = [afterAnswerRule(withoutFront), withoutFront, whole];
	const back = candidates.find((candidate): candidate is string => candidate !== undefined && hasContent(candidate));
	return { front, back: (back ?? front).trim() };
}

/** Renders every card of the collection, grouped into decks, with warnings for what was left out. */
export function renderCollection(collection: AnkiCollection, fileName: string): RenderedCollection {
	const skipped = new Skipped();
	const missingFields = new Map<string, Set<string>>();
	const parsedTemplates = new Map<number, ParsedTemplate[]>();
	const cardsByNote = groupBy(collection.cards, (card) => card.note);
	const deckName = (card: AnkiCard) => collection.decks.get(card.originalDeck || card.deck)?.name ?? 'Default';
	const recallDeckIds = new Map([...collection.decks.values()].flatMap((deck) => (deck.recallId && deck.recallId !== 'all' ? [[deck.name, deck.recallId] as const] : [])));
	const deckIds = ankiDeckIds(collection.cards.map(deckName), recallDeckIds);

	const imported: ImportedCard[] = [];
	const seen = new Set<string>();
	let videos = 0;
	collection.notes.forEach((note, index) => {
		// A note's video is one video, however many of its cards and sides play it (a back often repeats the front).
		const noteVideos = new Set<string>();
		const cards = cardsByNote.get(note.id) ?? [];
		if (cards.length === 0) return;
		const notetype = collection.notetypes.get(note.notetype);
		if (!notetype) return skipped.add('anki-cards-without-notetype', cards.length);
		if (notetype.imageOcclusion) return skipped.add('anki-image-occlusion', cards.length);
		let parsed = parsedTemplates.get(notetype.id);
		if (!parsed) {
			parsed = parseNotetype(notetype);
			parsedTemplates.set(notetype.id, parsed);
		}
		const fields = new Map(notetype.fields.map((name, ord) => [name, note.fields[ord] ?? '']));
		const firstOfNote = imported.length;
		for (const anki of cards) {
			const template = notetype.cloze ? parsed[0] : parsed.find((candidate) => candidate.template.ord === anki.ord);
			if (!template) {
				skipped.add('anki-cards-without-template');
				continue;
			}
			const clozeOrdinal = notetype.cloze ? anki.ord + 1 : 0;
			const name = deckName(anki);
			const missing = missingFields.get(notetype.name) ?? new Set<string>();
			const context: RenderContext = {
				fields,
				specials: specialFields(note, notetype, name, template.template, clozeOrdinal),
				clozeOrdinal,
				missingFields: missing
			};
			const sides = renderSides(template, context);
			if (missing.size > 0) missingFields.set(notetype.name, missing);
			if (notetype.cloze && !context.clozeFound) {
				skipped.add('anki-cloze-without-deletion');
				continue;
			}
			const front = removeUnplayableSounds(sides.front);
			const back = removeUnplayableSounds(sides.back);
			for (const name of [...front.dropped, ...back.dropped]) noteVideos.add(name);
			if (!hasContent(front.html)) {
				skipped.add('anki-empty-front');
				continue;
			}
			const id = cardIdFor(note.guid, anki.ord);
			if (seen.has(id)) {
				skipped.add('anki-duplicate-guid');
				continue;
			}
			seen.add(id);
			const card: Card = {
				id,
				deck: deckIds.get(name) as string,
				kind: notetype.cloze ? 'cloze' : 'basic',
				rule: 'imported',
				front: front.html.trim(),
				back: (hasContent(back.html) ? back.html : front.html).trim(),
				format: 'html',
				path: [],
				tags: [...note.tags],
				images: [],
				source: { file: fileName, line: index + 1 }
			};
			// A cloze card that shows its note's text and nothing else is edited as that text, as in Anki.
			const clozeField = notetype.cloze ? clozeFieldOf(template.question) : undefined;
			const text = clozeField === undefined ? undefined : fields.get(clozeField)?.trim();
			if (text && showsOnlyClozeText(text, clozeOrdinal, card)) card.clozeSource = { id: note.guid, text, slot: `c${clozeOrdinal}` };
			imported.push({
				anki,
				contentAt: Math.max(note.mod, anki.mod) * 1000,
				noteId: note.id,
				...(anki.noteChecksum === undefined ? {} : { editedSinceExport: anki.noteChecksum !== noteChecksum(note.fields, note.tags) }),
				card
			});
		}
		videos += noteVideos.size;
		// The cards of one note show each other's answers: siblings, as Anki buries them.
		const ofNote = imported.slice(firstOfNote);
		if (ofNote.length > 1) for (const entry of ofNote) entry.card.siblingKeys = [`anki:${note.guid}`];
	});

	const warnings = skipped.notices();
	if (videos > 0) warnings.push(say('anki-videos', { count: videos }));
	for (const [notetype, names] of missingFields) warnings.push(say('anki-missing-fields', { notetype, fields: [...names] }));

	const byDeck = groupBy(imported, (entry) => entry.card.deck);
	const decks: Deck[] = [];
	for (const [name, id] of deckIds) {
		const entries = byDeck.get(id);
		if (!entries) continue;
		decks.push({ id, name, tags: [], cards: studyOrder(entries).map((entry) => entry.card) });
	}
	const deckOptions: Record<string, DeckOptionsMeta> = {};
	for (const deck of collection.decks.values()) {
		const id = deckIds.get(deck.name);
		if (deck.options && id !== undefined && byDeck.has(id)) deckOptions[id] = deck.options;
	}
	return { decks, deckOptions, cards: imported, warnings };
}

/**
 * The order of a deck's cards, which is the order new cards are studied in:
 * new cards by their position in Anki's new queue, then the others in note order.
 */
function studyOrder(entries: ImportedCard[]): ImportedCard[] {
	const isNew = (entry: ImportedCard) => entry.anki.type === 0;
	const position = (entry: ImportedCard) => (entry.anki.originalDeck !== 0 && entry.anki.originalDue !== 0 ? entry.anki.originalDue : entry.anki.due);
	const fresh = entries.filter(isNew).sort((a, b) => position(a) - position(b) || a.anki.note - b.anki.note || a.anki.ord - b.anki.ord);
	const others = entries.filter((entry) => !isNew(entry)).sort((a, b) => a.anki.note - b.anki.note || a.anki.ord - b.anki.ord);
	return [...fresh, ...others];
}
