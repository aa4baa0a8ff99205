/**
 * Notes to cards: one Markdown note in, one deck and a report out.
 * (Temporary stand-in: only `question::answer` lines. The real extractor replaces it.)
 */
import type { Card, Deck } from './deck-format';

export interface GenerateOptions {
	/** The note's file name, relative to its folder: it names the deck when nothing else does. */
	file: string;
	/** Overrides the deck name from front matter, the first H1 and the file name. */
	deckName?: string;
}

export interface UncoveredItem {
	line: number;
	kind: 'list-item' | 'definition';
	text: string;
}

export interface NoteWarning {
	line?: number;
	message: string;
}

export interface NoteReport {
	file: string;
	deck: string;
	cards: number;
	cardsByRule: Partial<Record<Card['rule'], number>>;
	/** List items and definition lines, and how many of them are on some card. */
	coverage: { covered: number; total: number };
	uncovered: UncoveredItem[];
	warnings: NoteWarning[];
}

export interface GenerateResult {
	deck: Deck;
	report: NoteReport;
}

export function generateDeck(text: string, options: GenerateOptions): GenerateResult {
	const name = options.deckName ?? options.file.replace(/\.[^.]*$/, '');
	const id = name.toLowerCase().replace(/\s+/g, '-');
	const cards: Card[] = [];
	text.split('\n').forEach((line, index) => {
		const match = /^(.+?)::(.+)$/.exec(line);
		if (match?.[1] && match[2]) {
			cards.push({
				id: `md:${id}:${index}`,
				deck: id,
				kind: 'basic',
				rule: 'qa',
				front: match[1].trim(),
				back: match[2].trim(),
				path: [],
				tags: [],
				images: [],
				source: { file: options.file, line: index + 1 }
			});
		}
	});
	return {
		deck: { id, name, tags: [], source: options.file, cards },
		report: {
			file: options.file,
			deck: name,
			cards: cards.length,
			cardsByRule: { qa: cards.length },
			coverage: { covered: 0, total: 0 },
			uncovered: [],
			warnings: []
		}
	};
}
