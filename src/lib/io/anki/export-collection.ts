/**
 * The fixed parts of a schema-11 Anki collection (`collection.anki2`): the
 * tables and indexes as Anki creates them, and the JSON of the `col` row
 * (collection config, note types, decks, deck options) with the keys that
 * Anki's schema-11 reader requires.
 */
import { DEFAULT_CONF_ID, optionsGroupJson, type OptionsGroup } from './options-group';

/** Tables and indexes of a schema-11 collection, as Anki (and genanki) create them. */
export const SCHEMA_11_SQL = `
CREATE TABLE col (
	id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
	ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
	conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL
);
CREATE TABLE notes (
	id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
	usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
	csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE cards (
	id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
	mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
	due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
	lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
	flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
	id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
	ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
	type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** The schema version of `col.ver`. */
export const SCHEMA_VERSION = 11;
/** Anki's field separator inside `notes.flds`. */
export const FIELD_SEPARATOR = '\u001f';
/** The deck every collection has; its options group has the same id (DEFAULT_CONF_ID). */
export const DEFAULT_DECK_ID = 1;

/**
 * Fixed note type ids, so that every export from Recall uses the same two note
 * types and importing a second export into Anki reuses them instead of adding
 * "Basic-1a2b3" copies.
 */
export const BASIC_MODEL_ID = 1_735_689_600_001;
export const CLOZE_MODEL_ID = 1_735_689_600_002;
export const BASIC_REVERSED_MODEL_ID = 1_735_689_600_003;
export const MODEL_TYPE_STANDARD = 0;
export const MODEL_TYPE_CLOZE = 1;

const CARD_CSS = `.card {
 font-family: arial;
 font-size: 20px;
 line-height: 1.5;
 text-align: center;
 color: black;
 background-color: white;
}
.card ul, .card ol {
 display: inline-block;
 text-align: left;
}
.card img {
 max-width: 100%;
 height: auto;
}
.cloze, .cloze-blank {
 font-weight: bold;
 color: blue;
}
.nightMode .cloze, .nightMode .cloze-blank {
 color: lightblue;
}
`;

const LATEX_PRE =
	'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

function field(name: string, ord: number) {
	return { name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, description: '', media: [] };
}

interface Template {
	name: string;
	qfmt: string;
	afmt: string;
}

function template({ name, qfmt, afmt }: Template, ord: number) {
	return { name, ord, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

function model(id: number, name: string, type: number, fields: string[], templates: Template[], mod: number, deckId: number) {
	return {
		id,
		name,
		type,
		mod,
		usn: -1,
		sortf: 0,
		did: deckId,
		tmpls: templates.map(template),
		flds: fields.map(field),
		css: CARD_CSS,
		latexPre: LATEX_PRE,
		latexPost: LATEX_POST,
		latexsvg: false,
		// Card n needs field n: Front for card 1, Back for its reverse (a cloze note's cards come from its text).
		req: templates.map((_, ord) => [ord, 'any', [ord]]),
		tags: [],
		vers: []
	};
}

const FORWARD: Template = { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' };
const REVERSE: Template = { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' };

/** Anki's stock "Basic" (Front, Back), "Basic (and reversed card)" (Front, Back; two cards) and "Cloze" (Text, Back Extra) note types. */
export function modelsJson(mod: number, deckId: number): Record<string, unknown> {
	return {
		[BASIC_MODEL_ID]: model(BASIC_MODEL_ID, 'Basic', MODEL_TYPE_STANDARD, ['Front', 'Back'], [FORWARD], mod, deckId),
		[BASIC_REVERSED_MODEL_ID]: model(BASIC_REVERSED_MODEL_ID, 'Basic (and reversed card)', MODEL_TYPE_STANDARD, ['Front', 'Back'], [FORWARD, REVERSE], mod, deckId),
		[CLOZE_MODEL_ID]: model(
			CLOZE_MODEL_ID,
			'Cloze',
			MODEL_TYPE_CLOZE,
			['Text', 'Back Extra'],
			[{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
			mod,
			deckId
		)
	};
}

/** A normal deck on the options group `conf` (the default one unless the deck has options of its own). */
export function deckJson(id: number, name: string, mod: number, description = '', recallId?: string, conf = DEFAULT_CONF_ID) {
	return {
		id,
		name,
		// Anki keeps keys it does not know; Recall reads this one back to land in the same deck.
		...(recallId !== undefined && { recallId }),
		mod,
		usn: id === DEFAULT_DECK_ID ? 0 : -1,
		lrnToday: [0, 0],
		revToday: [0, 0],
		newToday: [0, 0],
		timeToday: [0, 0],
		collapsed: false,
		browserCollapsed: false,
		desc: description,
		dyn: 0,
		conf,
		extendNew: 0,
		extendRev: 0
	};
}

/**
 * The options groups: Anki's default one, and one of each deck's own options (`groups`). Anki adds an options
 * group only when its id is new, so importing never changes the learner's own defaults.
 */
export function deckConfigsJson(mod: number, groups: readonly OptionsGroup[] = []): Record<string, unknown> {
	const json: Record<string, unknown> = { [DEFAULT_CONF_ID]: optionsGroupJson({ id: DEFAULT_CONF_ID, name: 'Default' }, mod) };
	for (const group of groups) json[group.id] = optionsGroupJson(group, mod);
	return json;
}

export interface CollectionTiming {
	/** The hour a study day starts: Anki's "next day starts at". */
	rollover: number;
	/** Minutes west of UTC at `crt` and now (JavaScript's getTimezoneOffset sign). */
	creationOffset: number;
	localOffset: number;
}

/**
 * The collection config. `schedVer` 2 tells Anki the learning and relearning
 * cards are already in the v2 layout; `rollover` and `creationOffset` make Anki
 * count days from `crt` the way the app counts study days.
 */
export function collectionConfJson(timing: CollectionTiming, nextPos: number, currentDeck: number): Record<string, unknown> {
	return {
		activeDecks: [currentDeck],
		curDeck: currentDeck,
		newSpread: 0,
		collapseTime: 1200,
		timeLim: 0,
		estTimes: true,
		dueCounts: true,
		curModel: BASIC_MODEL_ID,
		nextPos,
		sortType: 'noteFld',
		sortBackwards: false,
		addToCur: true,
		dayLearnFirst: false,
		newBury: true,
		schedVer: 2,
		rollover: timing.rollover,
		creationOffset: timing.creationOffset,
		localOffset: timing.localOffset
	};
}
