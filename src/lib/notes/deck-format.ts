/**
 * The native deck format, version 1 (spec: docs/deck-format.md). Decks built
 * from notes, decks exported from the app and decks imported into it all use
 * it. The zod schema is the single description of what a valid file holds.
 */
import { z } from 'zod';
import { problemsInEnglish, schemaProblems, type SchemaProblem } from './schema-problems';
import { MAX_IMAGE_WIDTH } from './image-width';

export const DECK_FORMAT = 'recall-deck';
export const DECK_FORMAT_VERSION = 1;

/** How a card is shown: front then back, or a sentence with a blank. */
export const CARD_KINDS = ['basic', 'cloze'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Which rule of the generator (or which import) made a card. */
export const CARD_RULES = [
	'definition', // `**term**: definition`, `- term: definition`, `term - definition` among other definitions
	'list', // a heading or bold label over a list
	'steps', // numbered steps, asked in order
	'section', // a heading over a short passage of prose (or code)
	'table', // a row of a table: its first cell, then the others
	'emphasis', // a sentence with inline code or ==highlight==, one card per span
	'qa', // question::answer, or `Q:` and `A:` lines
	'qa-reversed', // the second card of a:::b
	'multiline', // lines, a line holding only ?, lines
	'multiline-reversed', // the second card of ??
	'cloze', // {{c1::text::hint}}
	'manual', // written in the app
	'imported' // from another format
] as const;
export type CardRule = (typeof CARD_RULES)[number];

const nonEmpty = z.string().trim().min(1);


export const cardImageSchema = z.object({
	src: nonEmpty,
	alt: z.string(),
	/** The width in CSS pixels the note gives the image, if any. */
	width: z.number().int().min(1).max(MAX_IMAGE_WIDTH).optional()
});

export const cardSourceSchema = z.object({
	/** The note file, relative to the folder it was built from. */
	file: z.string(),
	/** 1-based line of the note where the card's material starts. */
	line: z.number().int().min(1)
});

/**
 * The text a cloze card written in the app was made from, as written (its
 * `{{c1::…}}` or `==…==`): the cards of one text share it and are edited
 * together, as the cards of an Anki cloze note are.
 */
export const clozeSourceSchema = z.object({
	/** Shared by the cards of one text. */
	id: nonEmpty,
	text: nonEmpty,
	/** Which of the text's cards this is: `c2` for deletion 2, `h1` for a line's first highlight; `#2` after it for a second line's. */
	slot: nonEmpty
});

export const cardSchema = z.object({
	id: nonEmpty,
	deck: nonEmpty,
	kind: z.enum(CARD_KINDS),
	rule: z.enum(CARD_RULES),
	/** Markdown. For cloze: the sentence with each deletion as `[...]` (or `[hint]`). */
	front: nonEmpty,
	/** Markdown. For cloze: the whole sentence, each deletion as `==text==`. */
	back: nonEmpty,
	/**
	 * How front and back are written: Markdown (the default) or HTML (cards
	 * imported from apps that store HTML, such as Anki). Either is sanitized
	 * before it is shown.
	 */
	format: z.enum(['markdown', 'html']).optional(),
	/** The headings (and bold label) the card sits under, outermost first. */
	path: z.array(z.string()),
	tags: z.array(z.string()),
	/** Images of the card's material, shown with its back. */
	images: z.array(cardImageSchema),
	source: cardSourceSchema,
	/** A cloze card written in the app: the text it and its siblings are made from. */
	clozeSource: clozeSourceSchema.optional(),
	/**
	 * Siblings: cards that share a key show each other's answers (a list's card
	 * and the cards of its items, the clozes of one sentence, the cards of one
	 * Anki note), so a study day introduces only one of them. Absent: none.
	 */
	siblingKeys: z.array(nonEmpty).optional()
});

/**
 * Words of the study links (`/study/all`, `*` for every deck, `tree:` for a deck
 * and its sub-decks): a deck with such an id would open another session than its own.
 */
const deckId = nonEmpty.refine((id) => id !== '*' && id !== 'all' && !id.startsWith('tree:'), {
	message: 'a deck id may not be "*" or "all", nor begin with "tree:" (the study links use them)'
});

export const deckSchema = z.object({
	id: deckId,
	name: nonEmpty,
	tags: z.array(z.string()),
	/** The note the deck was built from, if it was. */
	source: z.string().optional(),
	cards: z.array(cardSchema)
});

export const deckFileSchema = z.object({
	format: z.literal(DECK_FORMAT),
	version: z.literal(DECK_FORMAT_VERSION),
	decks: z.array(deckSchema)
});

export type CardImage = z.infer<typeof cardImageSchema>;
export type CardSource = z.infer<typeof cardSourceSchema>;
export type ClozeSource = z.infer<typeof clozeSourceSchema>;
export type Card = z.infer<typeof cardSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type DeckFile = z.infer<typeof deckFileSchema>;

/** Why a deck file was refused, as data: the importer says it in the learner's language (io/backup.ts). */
export type DeckFormatProblem =
	| { kind: 'not-deck-file' }
	| { kind: 'newer-version'; version: number; supported: number }
	| { kind: 'invalid'; problems: SchemaProblem[] }
	| { kind: 'card-twice'; card: string };

function deckFormatMessage(problem: DeckFormatProblem): string {
	switch (problem.kind) {
		case 'not-deck-file':
			return `This is not a Recall deck file (its "format" is not "${DECK_FORMAT}").`;
		case 'newer-version':
			return `This deck file is format version ${problem.version}; this version of Recall reads up to version ${problem.supported}. Update the app to open it.`;
		case 'invalid':
			return `The deck file is not valid: ${problemsInEnglish(problem.problems)}.`;
		case 'card-twice':
			return `The deck file is not valid: card id "${problem.card}" appears twice.`;
	}
}

export class DeckFormatError extends Error {
	override name = 'DeckFormatError';
	readonly problem: DeckFormatProblem;
	constructor(problem: DeckFormatProblem) {
		super(deckFormatMessage(problem));
		this.problem = problem;
	}
}

/**
 * Checks parsed JSON against the format. Throws a `DeckFormatError` whose
 * message names the first few problems and where they are.
 */
export function parseDeckFile(json: unknown): DeckFile {
	if (typeof json === 'object' && json !== null && 'format' in json && json.format === DECK_FORMAT) {
		const version = (json as { version?: unknown }).version;
		if (typeof version === 'number' && version > DECK_FORMAT_VERSION) {
			throw new DeckFormatError({ kind: 'newer-version', version, supported: DECK_FORMAT_VERSION });
		}
	} else {
		throw new DeckFormatError({ kind: 'not-deck-file' });
	}
	const result = deckFileSchema.safeParse(json);
	if (!result.success) throw new DeckFormatError({ kind: 'invalid', problems: schemaProblems(result.error, json) });
	const ids = new Set<string>();
	for (const deck of result.data.decks) {
		for (const card of deck.cards) {
			if (ids.has(card.id)) throw new DeckFormatError({ kind: 'card-twice', card: card.id });
			ids.add(card.id);
		}
	}
	return result.data;
}

export function deckFile(decks: Deck[]): DeckFile {
	return { format: DECK_FORMAT, version: DECK_FORMAT_VERSION, decks };
}
