/**
 * The built-in decks: a Vite plugin that turns the Markdown notes in `decks/`
 * into decks at build time (and in `vite dev`, again whenever a note changes).
 *
 * `virtual:recall/built-in-decks` holds the decks' summaries and a loader; each
 * deck's cards are a module of their own, so the home page never downloads them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Logger, Plugin, ViteDevServer } from 'vite';
import type { BuiltInDeckSummary } from 'virtual:recall/built-in-decks';
import { BUILT_IN_IMAGES_FILE, isRemoteImage, type BuiltInImages } from '../lib/app/built-in-images';
import { decodeNoteBytes } from '../lib/notes/decode';
import { deckFile, parseDeckFile, type Deck } from '../lib/notes/deck-format';
import { generateDeck, type NoteReport } from '../lib/notes/generate';
import { SiblingHold } from '../lib/srs/siblings';
import { sayNote } from '../lib/notes/warnings';
import { deckRenames } from './distinct-decks';
import { findNoteFiles, isNoteFile } from './note-files';

export type { BuiltInDeckSummary };

export interface DecksPluginOptions {
	/** The folder of notes, relative to the Vite root. */
	dir?: string;
}

export const BUILT_IN_DECKS_ID = 'virtual:recall/built-in-decks';
const DECK_MODULE_PREFIX = 'virtual:recall/built-in-deck/';
// The \0 tells other plugins (and Vite's own resolver) to leave these ids alone.
const RESOLVED_BUILT_IN_DECKS_ID = `\0${BUILT_IN_DECKS_ID}`;
const RESOLVED_DECK_MODULE_PREFIX = `\0${DECK_MODULE_PREFIX}`;

export interface BuiltInDeck {
	summary: BuiltInDeckSummary;
	deck: Deck;
	report: NoteReport;
}

export interface BuiltInDecks {
	decks: BuiltInDeck[];
	/** Messages for the person building: `file:line: message`. */
	warnings: string[];
}

/** A note folder that cannot become decks; the message names the files at fault. */
export class BuiltInDecksError extends Error {
	override name = 'BuiltInDecksError';
}

/** A short hash of a deck's content: it changes exactly when a build ships a changed deck. */
export function deckHash(deck: Deck): string {
	return createHash('sha256').update(JSON.stringify(deck)).digest('hex').slice(0, 12);
}

/**
 * Reads and generates every note under `dir`. Throws a `BuiltInDecksError` for a note that cannot be read, decoded
 * or generated. Notes that make one deck each make their own (deckRenames), with a warning.
 * `label` is how messages name the folder (the path as the person knows it).
 */
export function collectBuiltInDecks(dir: string, label = dir): BuiltInDecks {
	const warnings: string[] = [];
	const files = existsSync(dir) ? findNoteFiles(dir) : [];
	if (!existsSync(dir)) warnings.push(`${label}: there is no such folder, so there are no built-in decks`);

	const notes = files.map((file) => {
		const shownPath = `${label}/${file}`;
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(resolve(dir, file));
		} catch (error) {
			throw new BuiltInDecksError(`Cannot read the note ${shownPath}: ${messageOf(error)}`);
		}
		const decoded = decodeNoteBytes(bytes);
		if (!decoded.ok) throw new BuiltInDecksError(`The note ${shownPath} ${decoded.error.message}.`);
		for (const warning of decoded.warnings) warnings.push(`${shownPath}: ${warning.message}`);
		return { file, shownPath, text: decoded.text, ...generateNote(decoded.text, file, shownPath) };
	});
	for (const { note, shared, name, kept } of deckRenames(notes)) {
		Object.assign(note, generateNote(note.text, note.file, note.shownPath, name));
		note.report.warnings.unshift(sayNote('note-deck-name-taken', { name: shared, keptBy: kept.shownPath, renamed: name }));
	}

	const decks = notes.map(({ shownPath, file, deck, report }): BuiltInDeck => {
		try {
			// What ships must be a valid deck file: a generator bug fails the build, not the phone.
			parseDeckFile(deckFile([deck]));
		} catch (error) {
			throw new BuiltInDecksError(`The deck made of the note ${shownPath} is not valid: ${messageOf(error)}`);
		}
		for (const warning of report.warnings) {
			warnings.push(`${shownPath}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}`);
		}
		const summary = { id: deck.id, name: deck.name, file, cardCount: deck.cards.length, firstDayNew: firstDayNew(deck), hash: deckHash(deck) };
		return { summary, deck, report };
	});
	return { decks, warnings };
}

/** One note's deck and report, under `deckName` when another note has its own name. */
function generateNote(text: string, file: string, shownPath: string, deckName?: string): Pick<BuiltInDeck, 'deck' | 'report'> {
	try {
		return generateDeck(text, { file, ...(deckName === undefined ? {} : { deckName }) });
	} catch (error) {
		throw new BuiltInDecksError(`Cannot make a deck of the note ${shownPath}: ${messageOf(error)}`);
	}
}

/** New cards a first study day can bring of the deck, in note order, each set of siblings giving one (srs/siblings.ts). */
function firstDayNew(deck: Deck): number {
	const hold = new SiblingHold();
	return deck.cards.filter((card) => hold.admits(card.siblingKeys)).length;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The module id of one deck's cards: its hash, since deck ids are free text. */
function deckModuleId(summary: BuiltInDeckSummary): string {
	return `${DECK_MODULE_PREFIX}${summary.hash}`;
}

export function builtInDecksModule(decks: BuiltInDeck[]): string {
	const summaries = decks.map(({ summary }) => summary);
	const loaders = decks
		.map(({ summary }) => `\t[${JSON.stringify(summary.id)}, () => import(${JSON.stringify(deckModuleId(summary))})]`)
		.join(',\n');
	return `export const builtInDecks = ${JSON.stringify(summaries, null, '\t')};

const loaders = new Map([
${loaders}
]);

export async function loadBuiltInDeck(id) {
	const load = loaders.get(id);
	return load === undefined ? undefined : (await load()).default;
}
`;
}

/** The remote images of the decks' cards, in card order, each once: what the service worker caches at install. */
function builtInImages(decks: BuiltInDeck[]): BuiltInImages {
	const images = new Set<string>();
	for (const { deck } of decks) for (const card of deck.cards) for (const { src } of card.images) if (isRemoteImage(src)) images.add(src);
	return { images: [...images] };
}

export function deckModule(deck: Deck): string {
	// JSON.parse of a string is parsed faster than the same object as a literal.
	return `export default JSON.parse(${JSON.stringify(JSON.stringify(deck))});\n`;
}

export function decksPlugin(options: DecksPluginOptions = {}): Plugin {
	const dirOption = options.dir ?? 'decks';
	let root = process.cwd();
	let dir = resolve(root, dirOption);
	let logger: Logger | undefined;
	let isBuild = false;
	let printWarnings = true;
	let isClientBuild = false;
	let collected: BuiltInDecks | undefined;

	// Messages name the folder as the project knows it ("decks"), not as an absolute path.
	const label = () => relative(root, dir).split(sep).join('/') || '.';

	function collect(): BuiltInDecks {
		if (collected === undefined) {
			collected = collectBuiltInDecks(dir, label());
			if (printWarnings) for (const warning of collected.warnings) logger?.warn(`decks: ${warning}`);
		}
		return collected;
	}

	/** Whether a changed path is the folder or something in it that the build reads. */
	function isInDecksFolder(path: string): boolean {
		const inside = relative(dir, path);
		if (inside === '') return true;
		if (isAbsolute(inside)) return false;
		const parts = inside.split(sep);
		return parts[0] !== '..' && !parts.some((part) => part.startsWith('.'));
	}

	function reload(server: ViteDevServer) {
		collected = undefined;
		for (const environment of Object.values(server.environments)) {
			const graph = environment.moduleGraph;
			for (const [id, node] of graph.idToModuleMap) {
				if (id === RESOLVED_BUILT_IN_DECKS_ID || id.startsWith(RESOLVED_DECK_MODULE_PREFIX)) graph.invalidateModule(node);
			}
		}
		server.environments.client.hot.send({ type: 'full-reload', path: '*' });
	}

	return {
		name: 'recall:decks',

		configResolved(config) {
			root = config.root;
			dir = resolve(root, dirOption);
			logger = config.logger;
			isBuild = config.command === 'build';
			// SvelteKit builds twice (the server, then the client) with fresh plugins:
			// only the client build speaks, so that each warning shows once per build.
			printWarnings = config.command === 'serve' || !config.build.ssr;
			isClientBuild = isBuild && !config.build.ssr;
		},

		buildStart() {
			// A build fails early on a bad note; the dev server instead shows the error
			// when the page asks for the decks, and recovers when the note is fixed.
			if (!isBuild) return;
			collected = undefined;
			try {
				for (const { summary } of collect().decks) this.addWatchFile(resolve(dir, summary.file));
			} catch (error) {
				this.error(messageOf(error));
			}
		},

		configureServer(server) {
			server.watcher.add(dir);
			const onNoteChange = (path: string) => {
				if (isInDecksFolder(path) && isNoteFile(path)) reload(server);
			};
			server.watcher.on('add', onNoteChange);
			server.watcher.on('change', onNoteChange);
			server.watcher.on('unlink', onNoteChange);
			server.watcher.on('unlinkDir', (path) => {
				if (isInDecksFolder(path)) reload(server);
			});
		},

		generateBundle() {
			// The client build only: the server build's files never reach the browser.
			if (!isClientBuild) return;
			this.emitFile({ type: 'asset', fileName: BUILT_IN_IMAGES_FILE, source: `${JSON.stringify(builtInImages(collect().decks), null, '\t')}\n` });
		},

		resolveId(id) {
			if (id === BUILT_IN_DECKS_ID) return RESOLVED_BUILT_IN_DECKS_ID;
			if (id.startsWith(DECK_MODULE_PREFIX)) return `\0${id}`;
			return undefined;
		},

		load(id) {
			if (id === RESOLVED_BUILT_IN_DECKS_ID) return builtInDecksModule(collect().decks);
			if (id.startsWith(RESOLVED_DECK_MODULE_PREFIX)) {
				const hash = id.slice(RESOLVED_DECK_MODULE_PREFIX.length);
				const found = collect().decks.find(({ summary }) => summary.hash === hash);
				// A page loaded before a note changed may still ask for the old deck.
				if (found === undefined) return 'export default undefined;\n';
				return deckModule(found.deck);
			}
			return undefined;
		}
	};
}
