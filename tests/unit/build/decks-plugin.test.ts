import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createLogger, createServer, type Logger, type Rollup } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuiltInDecksError, collectBuiltInDecks, decksPlugin } from '../../../src/build/decks-plugin';
import { BUILT_IN_IMAGES_FILE } from '../../../src/lib/app/built-in-images';
import type { Deck } from '../../../src/lib/notes/deck-format';
import { generateDeck } from '../../../src/lib/notes/generate';

// Notes that the stand-in generator and the real extractor both make cards of:
// `question::answer` lines are part of the note syntax either way.
const S3_NOTE = 'What is S3?::Object storage\nWhat is EC2?::Virtual machines\n';
const IAM_NOTE = 'What is IAM?::Identity and access management\n';
// "S3::가나다" in EUC-KR: valid note text, but not UTF-8, so the build warns.
const EUC_KR_NOTE = new Uint8Array([...new TextEncoder().encode('S3::'), 0xb0, 0xa1, 0xb3, 0xaa, 0xb4, 0xd9, 0x0a]);

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'recall-decks-plugin-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

function writeNote(relative: string, content: string | Uint8Array) {
	const path = join(root, 'notes', relative);
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, content);
}

function capturingLogger(): { logger: Logger; warnings: string[] } {
	const warnings: string[] = [];
	const logger = createLogger('silent');
	logger.warn = (message) => void warnings.push(message);
	logger.warnOnce = (message) => void warnings.push(message);
	return { logger, warnings };
}

/** Builds an entry that re-exports the virtual module, as a library, into `root/dist`. */
async function buildEntry(logger = createLogger('silent')): Promise<Rollup.OutputChunk[]> {
	writeFileSync(join(root, 'main.js'), "export * from 'virtual:recall/built-in-decks';\n");
	const result = await build({
		root,
		configFile: false,
		customLogger: logger,
		plugins: [decksPlugin({ dir: 'notes' })],
		build: {
			outDir: 'dist',
			minify: false,
			lib: { entry: join(root, 'main.js'), formats: ['es'], fileName: 'main' }
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	return outputs.flatMap((output) => output.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
}

describe('collectBuiltInDecks', () => {
	it('makes a deck of every note, in the order of their paths', () => {
		writeNote('s3.md', S3_NOTE);
		writeNote('security/iam.markdown', IAM_NOTE);
		writeNote('README.txt', 'not a note');
		writeNote('.draft.md', 'editors keep files like this');

		const { decks, warnings } = collectBuiltInDecks(join(root, 'notes'), 'notes');

		expect(warnings).toEqual([]);
		expect(decks.map(({ summary }) => summary.file)).toEqual(['s3.md', 'security/iam.markdown']);
		const expected = generateDeck(S3_NOTE, { file: 's3.md' }).deck;
		expect(decks[0]?.deck).toEqual(expected);
		expect(decks[0]?.summary).toEqual({
			id: expected.id,
			name: expected.name,
			file: 's3.md',
			cardCount: expected.cards.length,
			firstDayNew: expected.cards.length,
			hash: expect.stringMatching(/^[0-9a-f]{12}$/)
		});
		expect(expected.cards.length).toBeGreaterThan(0);
		// Card sources are relative to the folder, with forward slashes on every machine.
		expect(decks[1]?.deck.cards[0]?.source.file).toBe('security/iam.markdown');
	});

	it('counts the new cards a first day brings, the siblings of a card before them held back', () => {
		// A heading's card over a list of three sentences, each a card of its code span: the sentences wait.
		writeNote('list.md', '## 묶음\n- 첫째 `하나` 문장\n- 둘째 `둘` 문장\n- 셋째 `셋` 문장\n\n## 따로\n- 단어: 뜻\n');
		const [built] = collectBuiltInDecks(join(root, 'notes'), 'notes').decks;
		expect(built?.summary.cardCount).toBe(5);
		expect(built?.summary.firstDayNew).toBe(2);
	});

	it('changes a deck’s hash exactly when the deck changes', () => {
		writeNote('s3.md', S3_NOTE);
		const before = collectBuiltInDecks(join(root, 'notes')).decks[0]?.summary.hash;
		expect(collectBuiltInDecks(join(root, 'notes')).decks[0]?.summary.hash).toBe(before);
		writeNote('s3.md', `${S3_NOTE}What is VPC?::A private network\n`);
		expect(collectBuiltInDecks(join(root, 'notes')).decks[0]?.summary.hash).not.toBe(before);
	});

	it('builds two notes of one title into two decks, the note named after it keeping the deck and its card ids', () => {
		// A copy added beside the deck's note, sorting before it: the note whose file name says the title keeps it.
		writeNote('AWS-기초.md', `# AWS 기초\n\n${S3_NOTE}`);
		writeNote('0-copy.md', `# AWS 기초\n\n${IAM_NOTE}`);
		const { decks, warnings } = collectBuiltInDecks(join(root, 'notes'), 'notes');
		const byFile = new Map(decks.map((built) => [built.summary.file, built]));
		const kept = byFile.get('AWS-기초.md');
		const renamed = byFile.get('0-copy.md');
		expect(kept?.deck).toEqual(generateDeck(`# AWS 기초\n\n${S3_NOTE}`, { file: 'AWS-기초.md' }).deck);
		expect(kept?.report.warnings).toEqual([]);
		expect(renamed?.deck.name).toBe('AWS 기초 (0-copy)');
		expect(renamed?.deck.id).not.toBe(kept?.deck.id);
		expect(renamed?.deck.cards.map((card) => card.front)).toEqual(['What is IAM?']);
		expect(warnings).toEqual([
			'notes/0-copy.md: notes/AWS-기초.md makes the deck "AWS 기초" too and keeps it, so this note builds into the deck "AWS 기초 (0-copy)" (give one of them another title to name it yourself)'
		]);
		// The report says it as well, for the deck command's --report.
		expect(renamed?.report.warnings.map((warning) => warning.code)).toEqual(['note-deck-name-taken']);
	});

	it('keeps the first in file order when no file name says the title, naming each other after its path', () => {
		// Same title and same file name: the path tells them apart.
		writeNote('dup.md', `# Duplicate\n\n${S3_NOTE}`);
		writeNote('dup.markdown', `# Duplicate\n\n${IAM_NOTE}`);
		writeNote('old/dup.md', `# Duplicate\n\n${IAM_NOTE}`);
		const { decks } = collectBuiltInDecks(join(root, 'notes'), 'notes');
		expect(decks.map(({ summary }) => [summary.file, summary.name])).toEqual([
			['dup.markdown', 'Duplicate'],
			['dup.md', 'Duplicate (dup)'],
			['old/dup.md', 'Duplicate (old/dup)']
		]);
		expect(new Set(decks.map(({ summary }) => summary.id)).size).toBe(3);
	});

	it('refuses a note that is not text, naming it', () => {
		writeNote('s3.md', S3_NOTE);
		writeNote('images/diagram.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
		expect(() => collectBuiltInDecks(join(root, 'notes'), 'notes')).toThrow(
			'The note notes/images/diagram.md is not a text file (it contains binary data).'
		);
	});

	it('passes on the decoder’s warnings with the file name', () => {
		writeNote('korean.md', EUC_KR_NOTE);
		const { decks, warnings } = collectBuiltInDecks(join(root, 'notes'), 'notes');
		expect(decks).toHaveLength(1);
		expect(warnings).toEqual(['notes/korean.md: read as EUC-KR (it is not valid UTF-8)']);
	});

	it('has no decks, and says so, when the folder is missing', () => {
		const { decks, warnings } = collectBuiltInDecks(join(root, 'missing'), 'missing');
		expect(decks).toEqual([]);
		expect(warnings).toEqual(['missing: there is no such folder, so there are no built-in decks']);
	});
});

describe('decksPlugin in a build', () => {
	it('ships the summaries in the entry and each deck as a chunk of its own', async () => {
		writeNote('s3.md', S3_NOTE);
		writeNote('security/iam.md', IAM_NOTE);

		const chunks = await buildEntry();

		const entry = chunks.find((chunk) => chunk.isEntry);
		const deckChunks = chunks.filter((chunk) => chunk.isDynamicEntry);
		expect(deckChunks).toHaveLength(2);
		expect(entry?.code).not.toContain('Object storage');
		expect(deckChunks.filter((chunk) => chunk.code.includes('Object storage'))).toHaveLength(1);

		// The built code works: the summaries are there and each deck loads.
		const built = (await import(pathToFileURL(join(root, 'dist', entry?.fileName ?? '')).href)) as {
			builtInDecks: { id: string; file: string; cardCount: number }[];
			loadBuiltInDeck(id: string): Promise<Deck | undefined>;
		};
		const expected = generateDeck(S3_NOTE, { file: 's3.md' }).deck;
		expect(built.builtInDecks.map((summary) => summary.file)).toEqual(['s3.md', 'security/iam.md']);
		expect(built.builtInDecks[0]).toMatchObject({ id: expected.id, cardCount: expected.cards.length });
		expect(await built.loadBuiltInDeck(expected.id)).toEqual(expected);
		expect(await built.loadBuiltInDeck('no such deck')).toBeUndefined();
		// Deck ids are free text: one named like an Object property is still no deck.
		expect(await built.loadBuiltInDeck('constructor')).toBeUndefined();
	});

	it('lists the decks’ images on other sites for the service worker, each once, in card order', async () => {
		writeNote(
			'map.md',
			'# 지도\n\n**리전**: 데이터센터 묶음 ![리전 지도](https://example.com/map.png)\n\n**가용 영역**: 독립된 데이터센터 ![로컬](img/local.png)\n\n' +
				'**엣지 로케이션**: 캐시 ![리전 지도](https://example.com/map.png) <img src="http://example.com/edge.jpg">\n'
		);
		writeNote('s3.md', S3_NOTE);
		await buildEntry();
		const list = JSON.parse(readFileSync(join(root, 'dist', BUILT_IN_IMAGES_FILE), 'utf8')) as unknown;
		expect(list).toEqual({ images: ['https://example.com/map.png', 'http://example.com/edge.jpg'] });
	});

	it('builds two notes with the same deck id into two decks, with a warning', async () => {
		writeNote('dup.md', `# Duplicate\n\n${S3_NOTE}`);
		writeNote('dup.markdown', `# Duplicate\n\n${IAM_NOTE}`);
		const { logger, warnings } = capturingLogger();
		const chunks = await buildEntry(logger);
		expect(chunks.some((chunk) => chunk.code.includes('Duplicate (dup)'))).toBe(true);
		expect(warnings.filter((warning) => warning.includes('Duplicate'))).toHaveLength(1);
	});

	it('fails the build on a note that is not text, naming it', async () => {
		writeNote('broken.md', new Uint8Array([0x00, 0x01, 0x02]));
		await expect(buildEntry()).rejects.toThrow('notes/broken.md is not a text file');
	});

	it('prints the warnings once, without failing', async () => {
		writeNote('korean.md', EUC_KR_NOTE);
		const { logger, warnings } = capturingLogger();
		await buildEntry(logger);
		expect(warnings.filter((warning) => warning.includes('korean.md'))).toEqual([
			'decks: notes/korean.md: read as EUC-KR (it is not valid UTF-8)'
		]);
	});
});

describe('decksPlugin in the dev server', () => {
	it('serves the decks and reloads the page when a note is added or changed', async () => {
		writeNote('s3.md', S3_NOTE);
		const server = await createServer({
			root,
			configFile: false,
			logLevel: 'silent',
			appType: 'custom',
			server: { middlewareMode: true, ws: false },
			plugins: [decksPlugin({ dir: 'notes' })]
		});
		try {
			const reloads: unknown[] = [];
			const hot = server.environments.client.hot;
			const send = hot.send.bind(hot);
			hot.send = ((...args: Parameters<typeof send>) => {
				reloads.push(args[0]);
				send(...args);
			}) as typeof hot.send;

			type DecksModule = { builtInDecks: { file: string }[]; loadBuiltInDeck(id: string): Promise<Deck | undefined> };
			const load = () => server.ssrLoadModule('virtual:recall/built-in-decks') as Promise<DecksModule>;
			expect((await load()).builtInDecks.map((summary) => summary.file)).toEqual(['s3.md']);

			// The watcher may need a moment to start watching the folder.
			await new Promise((resolve) => setTimeout(resolve, 300));
			writeNote('iam.md', IAM_NOTE);
			await expect.poll(() => reloads.length, { timeout: 5_000 }).toBeGreaterThan(0);
			expect(reloads[0]).toMatchObject({ type: 'full-reload' });
			expect((await load()).builtInDecks.map((summary) => summary.file)).toEqual(['iam.md', 's3.md']);

			reloads.length = 0;
			const changed = `${S3_NOTE}What is VPC?::A private network\n`;
			writeNote('s3.md', changed);
			await expect.poll(() => reloads.length, { timeout: 5_000 }).toBeGreaterThan(0);
			const expected = generateDeck(changed, { file: 's3.md' }).deck;
			expect(await (await load()).loadBuiltInDeck(expected.id)).toEqual(expected);
		} finally {
			await server.close();
		}
	});
});
