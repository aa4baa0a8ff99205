/**
 * Notes to cards: one Markdown note in, one deck and a report out.
 * Pure: runs at build time in Node and on the phone when a note is imported.
 */
import { readStructure, type NoteStructure, type Section } from './blocks';
import type { FoundImage, FoundSound } from './inline';
import { readableName } from '../io/media-names';
import type { Card, CardImage, Deck } from './deck-format';
import { SectionExtractor, WORDING, type Candidate, type Draft, type FrontPart } from './extract';
import { parseNote } from './parse';
import { cardId, deckIdFor } from './ids';
import { hangulShare, hash53, hasWords, normalizeForId, stripEmojiFromMarkdown } from './text';
import { sayNote, type NoteWarning } from './warnings';

export { cardId, deckIdFor } from './ids';
export type { NoteWarning } from './warnings';

export interface GenerateOptions {
	/** The note's file name, relative to its folder: it names the deck when nothing else does. */
	file: string;
	/** Overrides the deck name from front matter, the first H1 and the file name. */
	deckName?: string;
}

export type UncoveredItem = Candidate;

export interface NoteReport {
	file: string;
	deck: string;
	cards: number;
	cardsByRule: Partial<Record<Card['rule'], number>>;
	/** List items, definition lines, paragraphs, table rows and code blocks, and how many of them are on some card. */
	coverage: { covered: number; total: number };
	uncovered: UncoveredItem[];
	warnings: NoteWarning[];
}

export interface GenerateResult {
	deck: Deck;
	report: NoteReport;
	/** For each of the deck's cards, in order: which cloze of its line it is (`c2`, `h1`), for the cards of a cloze. */
	slots: (string | undefined)[];
}

/** "aws_basics-notes.md" → "aws basics notes". */
function nameFromFile(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file;
	return base.replace(/\.(md|markdown|txt)$/i, '').replace(/[-_]+/g, ' ').trim() || 'Notes';
}

/** A text quoted in a warning, cut to a line's length. */
function shorten(text: string): string {
	return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}

/** A note pasted twice would repeat one warning per card; a few say it all. */
const MAX_REPEAT_WARNINGS = 20;
/** A long table left out is one problem: the report lists every row, the warnings the first few. */
const MAX_BLOCK_WARNINGS = 20;

/** Decorative emoji go from fronts, unless the emoji is all the front has to ask. */
function frontWithoutEmoji(front: string): string {
	const stripped = stripEmojiFromMarkdown(front);
	return hasWords(stripped) ? stripped : front;
}

/** The section each line of the note is in, by index: its title's line and its blocks' lines. A callout's lines are its own section's, not the one around it. */
function sectionsByLine(sections: readonly Section[]): Map<number, number> {
	const byLine = new Map<number, number>();
	sections.forEach((section, index) => {
		if (section.title) byLine.set(section.title.line, index);
		for (const block of section.blocks) for (let line = block.start; line <= block.end; line++) byLine.set(line, index);
	});
	return byLine;
}

/**
 * Which card each of `lines` (an image's or a sound's) goes on: the broadest
 * card whose material holds the line; beside a section's material rather than
 * in it (a paragraph of its own after definitions), the section's card nearest
 * before it, or its first card. Never a card of another section: undefined
 * when its section's material made no card.
 */
function cardsOfLines(drafts: readonly Draft[], lines: readonly number[], sections: readonly Section[], sectionOf: ReadonlyMap<Draft, number>): (number | undefined)[] {
	if (lines.length === 0) return [];
	// For each line, the broadest card over it: a list or steps card before a definition inside it.
	const owner = new Map<number, number>();
	drafts.forEach((draft, index) => {
		for (const line of draft.covers) {
			const current = owner.get(line);
			if (current === undefined || draft.covers.length > (drafts[current] as Draft).covers.length) owner.set(line, index);
		}
	});
	// Each section's cards in line order (drafts come sorted by line).
	const bySection = new Map<number, { line: number; index: number }[]>();
	const sectionOfLine = sectionsByLine(sections);
	drafts.forEach((draft, index) => {
		const section = sectionOf.get(draft) ?? -1;
		const list = bySection.get(section) ?? [];
		list.push({ line: draft.line, index });
		bySection.set(section, list);
	});
	return lines.map((line) => {
		const best = owner.get(line);
		if (best !== undefined) return best;
		const section = sectionOfLine.get(line);
		const ofSection = section === undefined ? [] : (bySection.get(section) ?? []);
		// The first card of the nearest line before it: of `a:::b`, the card that asks `a`.
		let nearest: { line: number; index: number } | undefined;
		for (const entry of ofSection) if (entry.line <= line && (!nearest || entry.line > nearest.line)) nearest = entry;
		return (nearest ?? ofSection[0])?.index;
	});
}

/**
 * The context each card shows: its heading path, but for a last heading that the card asks again (`## 권리능력` over
 * `**권리능력**: …`, the term the heading's subject), which showed `권리능력 > 권리능력`; unless another card asks the
 * same under the shorter path (the heading's own passage), which the repeat then tells apart. The id still reads the
 * whole path, so the card keeps its history.
 */
function shownPaths(drafts: readonly Draft[]): string[][] {
	const asking = (path: readonly string[], identity: string) => [...path, identity].map(normalizeForId).join('\u001f');
	const asked = new Set(drafts.map((draft) => asking(draft.path, draft.identity)));
	return drafts.map(({ path, identity }) => {
		const last = path.at(-1);
		const repeats = last !== undefined && normalizeForId(last) === normalizeForId(identity);
		return repeats && !asked.has(asking(path.slice(0, -1), identity)) ? path.slice(0, -1) : path;
	});
}

/**
 * Cards that would show one front under one heading path and answer differently (`- bank: 은행` / `- bank: 강둑`, a
 * definition and a table row of one term), of which a learner cannot know which answer is meant. Items of numbered
 * steps are told apart by their number (`확인 (3단계)`), as their order is what they mean; the others become one card
 * with every answer, in the place of the first, asked as the question asked once is (the same id, so that a second
 * meaning written under a word keeps the word's history).
 */
function tellApartRepeatedQuestions(drafts: readonly Draft[], language: 'en' | 'ko'): Draft[] {
	const groups = new Map<string, Draft[]>();
	for (const draft of drafts) {
		if (draft.kind !== 'basic') continue;
		const key = [...draft.path, frontWithoutEmoji(draft.front)].map(normalizeForId).join('\u001f');
		groups.set(key, [...(groups.get(key) ?? []), draft]);
	}
	const merged = new Set<Draft>();
	for (const group of groups.values()) {
		if (new Set(group.map((draft) => normalizeForId(draft.back))).size < 2) continue;
		for (const draft of group) if (draft.step !== undefined) draft.front = WORDING[language].step(draft.front, draft.step);
		const [first, ...others] = group.filter((draft) => draft.step === undefined);
		if (!first || others.length === 0) continue;
		const backs = new Map([first, ...others].map((draft) => [normalizeForId(draft.back), draft.back]));
		first.back = [...backs.values()].join('\n\n');
		first.covers = [...new Set([first, ...others].flatMap((draft) => draft.covers))];
		// A sound standing in any of their questions plays with the one card's.
		const asks = [first, ...others].flatMap((draft) => draft.asks ?? []);
		if (asks.length > 0) first.asks = asks;
		for (const draft of others) merged.add(draft);
	}
	return drafts.filter((draft) => !merged.has(draft));
}

/** Each card's images (cardsOfLines); one on no card is a warning. */
function assignImages(drafts: Draft[], images: readonly FoundImage[], sections: readonly Section[], sectionOf: ReadonlyMap<Draft, number>, warnings: NoteWarning[]): CardImage[][] {
	const perCard: CardImage[][] = drafts.map(() => []);
	const owners = cardsOfLines(drafts, images.map((image) => image.line), sections, sectionOf);
	images.forEach((image, at) => {
		const best = owners[at];
		if (best === undefined) {
			warnings.push({ line: image.line, ...sayNote('note-image-on-no-card', { image: image.alt || image.src }) });
			return;
		}
		const list = perCard[best] as CardImage[];
		if (!list.some((known) => known.src === image.src)) list.push({ src: image.src, alt: image.alt, ...(image.width === undefined ? {} : { width: image.width }) });
	});
	return perCard;
}

/** A card's sounds: those the note puts where its question stands, and the others, which play with its answer. */
interface CardSounds {
	front: string[];
	back: string[];
}

/** Whether a sound stands in a part of the note that a card's front is made of. */
function standsIn(sound: FoundSound, part: FrontPart): boolean {
	if (part.cell !== undefined) return sound.cell === part.cell;
	return part.before === undefined || (sound.at !== undefined && sound.cell === undefined && sound.at <= part.before);
}

/**
 * Each card's sounds, as the names the note gives, each once. One standing in what a card asks with (a term before
 * its separator, a question's line, a heading over its card's material) plays with that card's question (`[sound:…]`
 * after its front), also where a broader card holds its line; any other is placed as an image is (cardsOfLines) and
 * plays with the answer (after the back). One on no card is a warning.
 */
function assignSounds(drafts: Draft[], sounds: readonly FoundSound[], sections: readonly Section[], sectionOf: ReadonlyMap<Draft, number>, warnings: NoteWarning[]): CardSounds[] {
	const perCard: CardSounds[] = drafts.map(() => ({ front: [], back: [] }));
	const asking = new Map<number, { index: number; part: FrontPart }[]>();
	drafts.forEach((draft, index) => {
		for (const part of draft.asks ?? []) {
			const parts = asking.get(part.line);
			if (parts) parts.push({ index, part });
			else asking.set(part.line, [{ index, part }]);
		}
	});
	const owners = cardsOfLines(drafts, sounds.map((sound) => sound.line), sections, sectionOf);
	sounds.forEach((sound, at) => {
		const asker = asking.get(sound.line)?.find(({ part }) => standsIn(sound, part))?.index;
		const best = asker ?? owners[at];
		if (best === undefined) {
			warnings.push({ line: sound.line, ...sayNote('note-sound-on-no-card', { sound: readableName(sound.src) }) });
			return;
		}
		const card = perCard[best] as CardSounds;
		if (card.front.includes(sound.src) || card.back.includes(sound.src)) return;
		(asker === undefined ? card.back : card.front).push(sound.src);
	});
	return perCard;
}

/** A side with the sounds it plays after it, each as Anki writes one. */
function withSounds(side: string, sounds: readonly string[] = []): string {
	return sounds.length === 0 ? side : `${side}\n\n${sounds.map((src) => `[sound:${readableName(src)}]`).join(' ')}`;
}

/**
 * Obsidian tags: the note's (front matter, title, lines of tags before the first heading) on every card,
 * a section's (its heading's and those above, its lines of tags) on its cards, a line's on the cards that hold it.
 */
function tagsOfCards(drafts: readonly Draft[], structure: NoteStructure, noteTags: readonly string[], sectionOf: ReadonlyMap<Draft, number>): string[][] {
	const byLine = new Map<number, string[]>();
	for (const { tag, line } of structure.lineTags) {
		const tags = byLine.get(line);
		if (tags) tags.push(tag);
		else byLine.set(line, [tag]);
	}
	return drafts.map((draft) => {
		const section = structure.sections[sectionOf.get(draft) ?? -1];
		return [...new Set([...noteTags, ...(section?.tags ?? []), ...draft.covers.flatMap((line) => byLine.get(line) ?? [])])];
	});
}

/** What Obsidian syntax left off the cards: embedded notes, and callouts none of whose lines is on a card. */
function obsidianLeftOut(structure: NoteStructure, coveredLines: ReadonlySet<number>): NoteWarning[] {
	const embeds = structure.embeds.map(({ target, line }): NoteWarning => ({ line, ...sayNote('note-embed-left-out', { note: target }) }));
	const callouts = structure.callouts
		.filter(({ start, end }) => !Array.from({ length: end - start + 1 }, (_, offset) => start + offset).some((line) => coveredLines.has(line)))
		.map(({ text, start }): NoteWarning => ({ line: start, ...sayNote('note-callout-on-no-card', { callout: shorten(text) }) }));
	return [...embeds, ...callouts];
}

/** Table rows and code blocks on no card: said as warnings too, for they are more than a line of a list. */
function blocksOnNoCard(uncovered: readonly Candidate[]): NoteWarning[] {
	const warnings = uncovered.flatMap((item): NoteWarning[] => {
		if (item.kind === 'table-row') return [{ line: item.line, ...sayNote('note-table-row-on-no-card', { row: shorten(item.text) }) }];
		if (item.kind === 'code') return [{ line: item.line, ...sayNote('note-code-on-no-card', { code: shorten(item.text) }) }];
		return [];
	});
	if (warnings.length <= MAX_BLOCK_WARNINGS) return warnings;
	const more = warnings.length - MAX_BLOCK_WARNINGS;
	return [...warnings.slice(0, MAX_BLOCK_WARNINGS), { ...sayNote('note-more-on-no-card', { count: more }), line: (warnings[MAX_BLOCK_WARNINGS] as NoteWarning).line }];
}

/**
 * Each card's sibling keys: the lines of the note it shares with another card
 * (a list's card holds its items' lines, which their own cards ask; the clozes
 * of one line all hold it), as `<file>#<line>`, the file hashed so that two
 * notes' cards never share one. A card that shares no line has none.
 *
 * A line is named by its text, not its number: a line added above it or a
 * section moved leaves the keys as they were, so a re-import does not call the
 * cards that share the line updated. The same text twice in a note is told
 * apart by its turn (`~2`).
 */
function sharedLineKeys(drafts: readonly Draft[], text: string, file: string): (string[] | undefined)[] {
	const cardsOfLine = new Map<number, number>();
	for (const draft of drafts) for (const line of new Set(draft.covers)) cardsOfLine.set(line, (cardsOfLine.get(line) ?? 0) + 1);
	const prefix = hash53(file).slice(-8);
	const keyOfLine = lineKeys(text, [...cardsOfLine].flatMap(([line, cards]) => (cards > 1 ? [line] : [])), prefix);
	return drafts.map((draft) => {
		const shared = [...new Set(draft.covers)].filter((line) => keyOfLine.has(line)).sort((a, b) => a - b);
		return shared.length > 0 ? shared.map((line) => keyOfLine.get(line) as string) : undefined;
	});
}

/** The keys of `lines` (numbered from 1) of `text`: each line's text hashed, with its turn among lines of the same text. */
function lineKeys(text: string, lines: readonly number[], prefix: string): Map<number, string> {
	const keys = new Map<number, string>();
	if (lines.length === 0) return keys;
	const texts = text.split(/\r\n|\r|\n/);
	const turns = new Map<string, number>();
	const wanted = new Set(lines);
	const last = Math.max(...lines);
	for (let number = 1; number <= last; number++) {
		const line = (texts[number - 1] ?? '').trim();
		const turn = (turns.get(line) ?? 0) + 1;
		turns.set(line, turn);
		if (wanted.has(number)) keys.set(number, `${prefix}#${hash53(line).slice(-8)}${turn > 1 ? `~${turn}` : ''}`);
	}
	return keys;
}

/**
 * A note read into the drafts of its cards, before its deck is named: all that does not depend on the name. A caller
 * that names decks by what other notes are called (markdown-notes.ts: notes of one title in different folders) reads
 * every note first, and makes each deck once with the name it settles on (deckOfNote).
 */
export interface NoteDrafts {
	file: string;
	/** The deck's name unless the caller gives one: the front matter's `deck`, the first H1, or the file's name. */
	name: string;
	/** How many cards the note makes, whatever its deck's name. */
	cardCount: number;
	structure: NoteStructure;
	candidates: Candidate[];
	drafts: Draft[];
	images: CardImage[][];
	sounds: CardSounds[];
	noteTags: string[];
	tags: string[][];
	siblingKeys: (string[] | undefined)[];
	paths: string[][];
	warnings: NoteWarning[];
}

export function readNote(text: string, file: string): NoteDrafts {
	const { tokens, frontMatter, warnings } = parseNote(text);
	const structure = readStructure(tokens);
	warnings.push(...structure.warnings);
	const name = frontMatter.deck || structure.title || nameFromFile(file);

	const plainSample = text.slice(0, 20_000);
	const language = hangulShare(plainSample) >= 0.3 ? 'ko' : 'en';
	const extractor = new SectionExtractor({
		explicitOnly: frontMatter.cards === 'explicit',
		language,
		hasHeadings: structure.sections.some((section) => section.title?.kind === 'heading')
	});
	const sectionOf = new Map<Draft, number>();
	structure.sections.forEach((section, index) => {
		const before = extractor.drafts.length;
		extractor.extract(section);
		for (const draft of extractor.drafts.slice(before)) sectionOf.set(draft, index);
	});
	warnings.push(...extractor.warnings);
	// Note order: the order new cards are studied in, and the order the deck page shows.
	const sorted = extractor.drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.line - b.draft.line || a.index - b.index).map(({ draft }) => draft);
	const drafts = tellApartRepeatedQuestions(sorted, language);
	if (text.trim() === '') warnings.push(sayNote('note-empty'));
	else if (drafts.length === 0) warnings.push(sayNote('note-no-cards'));

	const images = assignImages(drafts, structure.images, structure.sections, sectionOf, warnings);
	const sounds = assignSounds(drafts, structure.sounds, structure.sections, sectionOf, warnings);
	const noteTags = [...new Set([...frontMatter.tags, ...structure.tags])];
	const tags = tagsOfCards(drafts, structure, noteTags, sectionOf);
	const siblingKeys = sharedLineKeys(drafts, text, file);
	const paths = shownPaths(drafts);
	return { file, name, cardCount: drafts.length, structure, candidates: extractor.candidates, drafts, images, sounds, noteTags, tags, siblingKeys, paths, warnings };
}

export function generateDeck(text: string, options: GenerateOptions): GenerateResult {
	return deckOfNote(readNote(text, options.file), options.deckName);
}

/** The deck of a note read, named `deckName` or else as the note names it. */
export function deckOfNote(note: NoteDrafts, deckName?: string): GenerateResult {
	const { file, drafts, images, sounds, tags, siblingKeys, paths, noteTags } = note;
	const warnings = [...note.warnings];
	const name = deckName?.trim() || note.name;
	const deckId = deckIdFor(name);
	// A question asked twice under one heading (`bank: 은행`, `bank: 강둑`): each card is told by its answer too, so
	// that deleting or moving one never hands its history to the other. Only the same answer again goes by order.
	const questionIds = drafts.map((draft) => cardId(name, draft.path, `${draft.kind} ${draft.identity}`));
	const asked = new Map<string, number>();
	for (const id of questionIds) asked.set(id, (asked.get(id) ?? 0) + 1);
	const ids = new Set<string>();
	const repeats = new Map<string, number>();
	let repeatWarnings = 0;
	const cards: Card[] = drafts.map((draft, index) => {
		const question = questionIds[index] as string;
		let id = (asked.get(question) ?? 0) > 1 ? `${question}~${hash53(normalizeForId(draft.back))}` : question;
		if (ids.has(id)) {
			const n = (repeats.get(id) ?? 1) + 1;
			repeats.set(id, n);
			if (++repeatWarnings <= MAX_REPEAT_WARNINGS) {
				warnings.push({ line: draft.line, ...sayNote('note-repeated-question', { question: draft.identity.slice(0, 60) }) });
			}
			id = `${id}~${n}`;
		}
		ids.add(id);
		const keys = siblingKeys[index];
		return {
			id,
			deck: deckId,
			kind: draft.kind,
			rule: draft.rule,
			// After the id: a sound added to a line, taken from it or moved keeps its card's id, as an image does.
			front: withSounds(frontWithoutEmoji(draft.front), sounds[index]?.front),
			back: withSounds(draft.back, sounds[index]?.back),
			path: paths[index] ?? draft.path,
			tags: tags[index] ?? [],
			images: images[index] ?? [],
			source: { file, line: draft.line },
			...(keys ? { siblingKeys: keys } : {})
		};
	});

	if (repeatWarnings > MAX_REPEAT_WARNINGS) {
		warnings.push(sayNote('note-more-repeated-questions', { count: repeatWarnings - MAX_REPEAT_WARNINGS }));
	}

	const coveredLines = new Set(drafts.flatMap((draft) => draft.covers));
	warnings.push(...obsidianLeftOut(note.structure, coveredLines));
	const seen = new Set<number>();
	const candidates = note.candidates.filter((candidate) => !seen.has(candidate.line) && seen.add(candidate.line));
	const uncovered = candidates.filter((candidate) => !coveredLines.has(candidate.line));
	warnings.push(...blocksOnNoCard(uncovered));
	const cardsByRule: NoteReport['cardsByRule'] = {};
	for (const card of cards) cardsByRule[card.rule] = (cardsByRule[card.rule] ?? 0) + 1;

	return {
		deck: { id: deckId, name, tags: noteTags, source: file, cards },
		slots: drafts.map((draft) => draft.slot),
		report: {
			file,
			deck: name,
			cards: cards.length,
			cardsByRule,
			coverage: { covered: candidates.length - uncovered.length, total: candidates.length },
			uncovered,
			warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
		}
	};
}
