/**
 * Recall's own files, read and written: the backup format ("recall-backup",
 * version 1: decks, progress, the review log, media and, for a full backup,
 * settings) and the plain deck file ("recall-deck"). A backup is a superset of
 * a deck file: its `decks` are deck-format decks, with a few optional fields
 * of the store's bookkeeping. Spec: docs/deck-format.md, "Backups".
 *
 * Pure: text in, an ImportBundle out (and back). The storage layer merges a
 * bundle into the database.
 */
import { z } from 'zod';
import { schemaProblems } from '../notes/schema-problems';
import { cardSchema, DECK_FORMAT, DeckFormatError, deckSchema, parseDeckFile, type Card, type Deck } from '../notes/deck-format';
import type { ReviewRow, ScheduleSnapshot } from '../srs/history';
import { MIN_EASINESS, type Sm2State } from '../srs/sm2';
import { emptyBundle, type CardMeta, type CardProgress, type DeckMeta, type ImportBundle, type ImportError, type MediaFile, type StoreMeta } from './bundle';
import { refuse } from './notices';
import type { RecallFileKind } from './notices/backup';

export const BACKUP_FORMAT = 'recall-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The longest text read as a backup, in characters (about the bytes of a UTF-8 file): 256 Mi. */
export const MAX_BACKUP_LENGTH = 256 * 1024 * 1024;
const APP = 'Recall';

const nonEmpty = z.string().trim().min(1);
const time = z.number();

const stateSchema = z.object({
	repetitions: z.number().int().min(0),
	easiness: z.number().min(MIN_EASINESS),
	interval: z.number().int().min(0),
	extraReview: z.boolean()
});

const snapshotSchema = z.object({ state: stateSchema, dueDay: z.number().int().optional() });

const rowBase = {
	id: nonEmpty,
	card: nonEmpty,
	deck: nonEmpty,
	reviewedAt: time,
	day: z.number().int(),
	before: snapshotSchema,
	after: snapshotSchema,
	previous: z.string().optional()
};

const answerRowSchema = z.object({
	...rowBase,
	kind: z.enum(['new', 'learning', 'review']),
	grade: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
	durationMs: z.number().min(0)
});

const stateRowSchema = z.object({ ...rowBase, kind: z.literal('set'), reason: z.enum(['import', 'reset']) });

export const reviewRowSchema = z.discriminatedUnion('kind', [answerRowSchema, stateRowSchema]);

const progressSchema = z.object({
	suspended: z.boolean(),
	buriedUntil: z.number().int().optional(),
	retired: z.boolean().optional(),
	deleted: z.boolean().optional(),
	retiredWhenDeleted: z.boolean().optional(),
	updatedAt: time
});

const deckOptionsSchema = z.object({
	newPerDay: z.number().int().min(0).max(9999).optional(),
	reviewsPerDay: z.number().int().min(0).max(99999).optional(),
	newOrder: z.enum(['note', 'random']).optional(),
	buryNewSiblings: z.boolean().optional(),
	buryReviewSiblings: z.boolean().optional(),
	leechThreshold: z.number().int().min(1).max(99).optional(),
	leechAction: z.enum(['suspend', 'tag']).optional()
});

const backupCardSchema = cardSchema.extend({
	order: z.number().int().optional(),
	contentAt: time.optional(),
	createdAt: time.optional(),
	updatedAt: time.optional()
});

const backupDeckSchema = deckSchema.extend({
	cards: z.array(backupCardSchema),
	origin: z.enum(['built-in', 'import', 'manual']).optional(),
	retired: z.boolean().optional(),
	deletedAt: time.optional(),
	nameAt: time.optional(),
	hash: z.string().optional(),
	options: deckOptionsSchema.optional(),
	createdAt: time.optional(),
	updatedAt: time.optional()
});

const mediaSchema = z.object({
	name: nonEmpty,
	type: z.string(),
	base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
	addedAt: time.optional()
});

export const backupFileSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_FORMAT_VERSION),
	exportedAt: time,
	app: z.string(),
	decks: z.array(backupDeckSchema),
	progress: z.record(z.string(), progressSchema),
	reviews: z.array(reviewRowSchema),
	media: z.array(mediaSchema),
	settings: z.record(z.string(), z.unknown()).optional(),
	settingsAt: z.record(z.string(), time).optional()
});

export type BackupFile = z.infer<typeof backupFileSchema>;

const BASE64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // '='

/** Bytes as base64: the ASCII written into a byte array and decoded once (fast for images of several MB). */
export function toBase64(bytes: Uint8Array): string {
	const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
	let o = 0;
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
		out[o++] = BASE64[n >> 18] as number;
		out[o++] = BASE64[(n >> 12) & 63] as number;
		out[o++] = BASE64[(n >> 6) & 63] as number;
		out[o++] = BASE64[n & 63] as number;
	}
	if (i < bytes.length) {
		const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8);
		out[o++] = BASE64[n >> 18] as number;
		out[o++] = BASE64[(n >> 12) & 63] as number;
		out[o++] = i + 1 < bytes.length ? (BASE64[(n >> 6) & 63] as number) : PAD;
		out[o++] = PAD;
	}
	return new TextDecoder().decode(out);
}

export function fromBase64(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}


function formatOf(json: unknown): unknown {
	return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { format?: unknown }).format : undefined;
}

function readJson(text: string): unknown {
	if (text.length > MAX_BACKUP_LENGTH) {
		throw refuse('backup-too-large', { limitMegabytes: MAX_BACKUP_LENGTH / 1024 / 1024 });
	}
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') throw refuse('backup-empty-file');
	try {
		return JSON.parse(body);
	} catch {
		const head = body.slice(0, 200);
		if (/^\s*\{/.test(head) && (head.includes(`"${BACKUP_FORMAT}"`) || head.includes(`"${DECK_FORMAT}"`))) {
			throw refuse('backup-damaged');
		}
		throw refuse('backup-not-json');
	}
}

/** Checks that ids are unique and that every row, progress entry and card points at a card or deck of the file. */
function checkReferences(decks: readonly Deck[], reviews: readonly ReviewRow[], progress: Record<string, unknown>, what: RecallFileKind): void {
	const cardIds = new Set<string>();
	const deckIds = new Set<string>();
	for (const deck of decks) {
		if (deckIds.has(deck.id)) throw refuse('backup-deck-twice', { what, deck: deck.id });
		deckIds.add(deck.id);
		for (const card of deck.cards) {
			if (cardIds.has(card.id)) throw refuse('backup-card-twice', { what, card: card.id });
			if (card.deck !== deck.id) throw refuse('backup-card-in-other-deck', { what, card: card.id, listedIn: deck.id, names: card.deck });
			cardIds.add(card.id);
		}
	}
	const rowIds = new Set<string>();
	reviews.forEach((row, index) => {
		if (rowIds.has(row.id)) throw refuse('backup-review-twice', { what, index, review: row.id });
		rowIds.add(row.id);
		// A row's deck is the card's deck when it was answered: a card may have moved since (Anki lets it).
		if (!cardIds.has(row.card)) throw refuse('backup-review-card-missing', { what, index, card: row.card });
	});
	for (const id of Object.keys(progress)) {
		if (!cardIds.has(id)) throw refuse('backup-progress-card-missing', { what, card: id });
	}
}

function readDeckFile(json: unknown, name: string): ImportBundle {
	let decks: Deck[];
	try {
		decks = parseDeckFile(json).decks;
	} catch (error) {
		if (!(error instanceof DeckFormatError)) throw error;
		const { problem } = error;
		const what = 'deck file';
		switch (problem.kind) {
			case 'newer-version':
				throw refuse('backup-newer-version', { what, version: problem.version, supported: problem.supported });
			case 'invalid':
				throw refuse('backup-invalid', { what, problems: problem.problems });
			case 'card-twice':
				throw refuse('backup-card-twice', { what, card: problem.card });
			case 'not-deck-file':
				// Not reached: a file comes here for its "format".
				throw refuse('backup-other-format', { format: String(formatOf(json)) });
		}
	}
	checkReferences(decks, [], {}, 'deck file');
	return { ...emptyBundle('deck', name), decks };
}

function readBackupFile(json: unknown, name: string): ImportBundle {
	const version = (json as { version?: unknown }).version;
	if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
		throw refuse('backup-newer-version', { what: 'backup', version, supported: BACKUP_FORMAT_VERSION });
	}
	const result = backupFileSchema.safeParse(json);
	if (!result.success) throw refuse('backup-invalid', { what: 'backup', problems: schemaProblems(result.error, json) });
	const file = result.data;
	const store: StoreMeta = { decks: {}, cards: {} };
	const decks: Deck[] = file.decks.map(({ cards, origin, retired, deletedAt, nameAt, hash, options, createdAt, updatedAt, ...deck }) => {
		const meta: DeckMeta = { origin, retired, deletedAt, nameAt, hash, options: options && definedOnly(options), createdAt, updatedAt };
		store.decks[deck.id] = definedOnly(meta);
		return {
			...deck,
			cards: cards.map(({ order, contentAt, createdAt, updatedAt, ...card }) => {
				const cardMeta: CardMeta = { order, contentAt, createdAt, updatedAt };
				store.cards[card.id] = definedOnly(cardMeta);
				return card;
			})
		};
	});
	const reviews: ReviewRow[] = file.reviews;
	checkReferences(decks, reviews, file.progress, 'backup');
	const names = new Set<string>();
	const media: MediaFile[] = file.media.map((item, index) => {
		if (names.has(item.name)) throw refuse('backup-media-twice', { index, name: item.name });
		names.add(item.name);
		if (item.addedAt !== undefined) (store.media ??= {})[item.name] = { addedAt: item.addedAt };
		try {
			return { name: item.name, type: item.type, bytes: fromBase64(item.base64) };
		} catch {
			throw refuse('backup-media-not-base64', { index, name: item.name });
		}
	});
	const progress: Record<string, CardProgress> = {};
	for (const [id, entry] of Object.entries(file.progress)) progress[id] = definedOnly(entry);
	const bundle: ImportBundle = {
		...emptyBundle(file.settings === undefined ? 'deck' : 'backup', name),
		decks,
		progress,
		reviews,
		media,
		store
	};
	if (file.settings !== undefined) bundle.settings = file.settings;
	if (file.settings !== undefined && file.settingsAt !== undefined) bundle.settingsAt = file.settingsAt;
	return bundle;
}

/** The object without its undefined fields (zod leaves optional fields present but undefined). */
function definedOnly<T extends object>(value: T): T {
	const result = {} as T;
	for (const [key, field] of Object.entries(value)) if (field !== undefined) (result as Record<string, unknown>)[key] = field;
	return result;
}

/**
 * Reads a Recall backup (format version 1) or a Recall deck file. Throws an
 * `ImportError` naming the problem for anything else: empty or non-JSON text,
 * JSON of another format, a newer version, rows that break the format or
 * point at cards the file does not hold.
 */
export function parseBackup(text: string, name = 'backup.json'): ImportBundle {
	const json = readJson(text);
	const format = formatOf(json);
	if (format === BACKUP_FORMAT) return readBackupFile(json, name);
	if (format === DECK_FORMAT) return readDeckFile(json, name);
	throw typeof format === 'string' ? refuse('backup-other-format', { format: format.slice(0, 40) }) : refuse('backup-no-format');
}

// The file's objects are written field by field, in the order of the spec, so
// that the same store always gives the same text and no stray field leaks in.

function stateOut(state: Sm2State): Sm2State {
	return { repetitions: state.repetitions, easiness: state.easiness, interval: state.interval, extraReview: state.extraReview };
}

function snapshotOut(snapshot: ScheduleSnapshot): ScheduleSnapshot {
	return snapshot.dueDay === undefined ? { state: stateOut(snapshot.state) } : { state: stateOut(snapshot.state), dueDay: snapshot.dueDay };
}

function rowOut(row: ReviewRow): ReviewRow {
	const base = { id: row.id, card: row.card, deck: row.deck, reviewedAt: row.reviewedAt, day: row.day };
	const after = { before: snapshotOut(row.before), after: snapshotOut(row.after), ...(row.previous === undefined ? {} : { previous: row.previous }) };
	return row.kind === 'set'
		? { ...base, kind: row.kind, reason: row.reason, ...after }
		: { ...base, kind: row.kind, grade: row.grade, durationMs: row.durationMs, ...after };
}

function cardOut(card: Card, meta: CardMeta | undefined): BackupFile['decks'][number]['cards'][number] {
	return {
		id: card.id,
		deck: card.deck,
		kind: card.kind,
		rule: card.rule,
		front: card.front,
		back: card.back,
		...definedOnly({ format: card.format }),
		path: card.path,
		tags: card.tags,
		images: card.images.map(({ src, alt, width }) => ({ src, alt, ...definedOnly({ width }) })),
		source: { file: card.source.file, line: card.source.line },
		...(card.clozeSource === undefined ? {} : { clozeSource: { id: card.clozeSource.id, text: card.clozeSource.text, slot: card.clozeSource.slot } }),
		...(card.siblingKeys === undefined ? {} : { siblingKeys: [...card.siblingKeys] }),
		...definedOnly({ order: meta?.order, contentAt: meta?.contentAt, createdAt: meta?.createdAt, updatedAt: meta?.updatedAt })
	};
}

function deckOut(deck: Deck, meta: DeckMeta | undefined, cards: StoreMeta['cards'] | undefined): BackupFile['decks'][number] {
	return {
		...definedOnly({ id: deck.id, name: deck.name, tags: deck.tags, source: deck.source }),
		...definedOnly({ origin: meta?.origin, retired: meta?.retired, deletedAt: meta?.deletedAt, nameAt: meta?.nameAt, hash: meta?.hash }),
		...(meta?.options === undefined ? {} : { options: definedOnly({ newPerDay: meta.options.newPerDay, reviewsPerDay: meta.options.reviewsPerDay, newOrder: meta.options.newOrder, buryNewSiblings: meta.options.buryNewSiblings, buryReviewSiblings: meta.options.buryReviewSiblings, leechThreshold: meta.options.leechThreshold, leechAction: meta.options.leechAction }) }),
		...definedOnly({ createdAt: meta?.createdAt, updatedAt: meta?.updatedAt }),
		cards: deck.cards.map((card) => cardOut(card, cards?.[card.id]))
	};
}

function progressOut(progress: CardProgress): CardProgress {
	return definedOnly({ suspended: progress.suspended, buriedUntil: progress.buriedUntil, retired: progress.retired, deleted: progress.deleted, retiredWhenDeleted: progress.retiredWhenDeleted, updatedAt: progress.updatedAt });
}

/** A bundle as a backup file (a full backup when it has settings). */
export function serializeBackup(bundle: ImportBundle, exportedAt: number): string {
	const store = bundle.store;
	const file: BackupFile = {
		format: BACKUP_FORMAT,
		version: BACKUP_FORMAT_VERSION,
		exportedAt,
		app: APP,
		decks: bundle.decks.map((deck) => deckOut(deck, store?.decks[deck.id], store?.cards)),
		progress: Object.fromEntries(Object.entries(bundle.progress).map(([id, progress]) => [id, progressOut(progress)])),
		reviews: bundle.reviews.map(rowOut),
		media: bundle.media.map((file) => ({ name: file.name, type: file.type, base64: toBase64(file.bytes), ...store?.media?.[file.name] }))
	};
	if (bundle.settings !== undefined) file.settings = bundle.settings;
	if (bundle.settings !== undefined && bundle.settingsAt !== undefined) file.settingsAt = bundle.settingsAt;
	return JSON.stringify(file);
}
