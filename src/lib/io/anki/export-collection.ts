/**
 * The fixed parts of a schema-11 Anki collection (`collection.anki2`): the
 * tables and indexes as Anki creates them, and the JSON of the `col` row
 * (collection config, note types, decks, deck options) with the keys that
 * Anki's schema-11 reader requires.
 */

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
/** The deck every collection has; its options group has the same id. */
export const DEFAULT_DECK_ID = 1;
export const DEFAULT_CONF_ID = 1;

/**
 * Fixed note type ids, so that every export from Recall uses the same two note
 * types and importing a second export into Anki reuses them instead of adding
 * "Basic-1a2b3" copies.
 */
export const BASIC_MODEL_ID = 1_735_689_600_001;
export const CLOZE_MODEL_ID = 1_735_689_600_002;
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

function template(name: string, qfmt: string, afmt: string) {
	return { name, ord: 0, qfmt, afmt, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 };
}

function model(id: number, name: string, type: number, fields: string[], qfmt: string, afmt: string, mod: number, deckId: number) {
	return {
		id,
		name,
		type,
		mod,
		usn: -1,
		sortf: 0,
		did: deckId,
		tmpls: [template(type === MODEL_TYPE_CLOZE ? 'Cloze' : 'Card 1', qfmt, afmt)],
		flds: fields.map(field),
		css: CARD_CSS,
		latexPre: LATEX_PRE,
		latexPost: LATEX_POST,
		latexsvg: false,
		req: [[0, 'any', [0]]],
		tags: [],
		vers: []
	};
}

/** Anki's stock "Basic" (Front, Back) and "Cloze" (Text, Back Extra) note types. */
export function modelsJson(mod: number, deckId: number): Record<string, unknown> {
	return {
		[BASIC_MODEL_ID]: model(BASIC_MODEL_ID, 'Basic', MODEL_TYPE_STANDARD, ['Front', 'Back'], '{{Front}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}', mod, deckId),
		[CLOZE_MODEL_ID]: model(CLOZE_MODEL_ID, 'Cloze', MODEL_TYPE_CLOZE, ['Text', 'Back Extra'], '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}', mod, deckId)
	};
}

/** A normal deck on the default options group. */
export function deckJson(id: number, name: string, mod: number, description = '', recallId?: string) {
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
		conf: DEFAULT_CONF_ID,
		extendNew: 0,
		extendRev: 0
	};
}

/**
 * Anki's default options group. Anki adds an options group only when its id is
 * new, so importing never changes the learner's own defaults.
 */
export function deckConfigsJson(mod: number): Record<string, unknown> {
	return {
		[DEFAULT_CONF_ID]: {
			id: DEFAULT_CONF_ID,
			mod,
			name: 'Default',
			usn: 0,
			maxTaken: 60,
			autoplay: true,
			timer: 0,
			replayq: true,
			dyn: false,
			new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
			rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
			lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
		}
	};
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
