/**
 * Notes of `decks/` that make one deck (the same `# title` or front matter `deck:`), told apart: each still builds
 * into a deck of its own. Shared by the decks plugin and the deck CLI, so both name them alike.
 */
import { groupBy } from '../lib/io/group-by';
import type { Deck } from '../lib/notes/deck-format';
import { deckIdFor } from '../lib/notes/ids';

/** A note as generated, by the path the build knows it by (relative to its folder). */
export interface NamedNote {
	file: string;
	deck: Deck;
}

/** A note to build again under another deck name, and the note that keeps the name. */
export interface DeckRename<Note extends NamedNote> {
	note: Note;
	/** The deck's name that the notes share. */
	shared: string;
	/** The name this one builds under. */
	name: string;
	/** The note that keeps the deck they would make. */
	kept: Note;
}

/** `sub/AWS-basics.md` → `sub/AWS-basics`: what tells a note apart from the others of its folder. */
function fileWithoutExtension(file: string): string {
	return file.replace(/\.(?:md|markdown)$/i, '');
}

/**
 * Which notes of those making one deck build into another: all but one, which keeps the deck, its id and so its
 * cards' ids (card ids are made of the deck's name: a renamed deck's cards are new cards, with no history). The one
 * kept is the note whose file name says the deck's name (`AWS-기초.md` of "AWS 기초"), as the first note of a title
 * usually is, so that a copy added later, wherever it sorts, does not take the deck from it; else the first in file
 * order. The others are named after their file as well, `AWS 기초 (AWS-기초-2)`: a name no other note makes.
 */
export function deckRenames<Note extends NamedNote>(notes: readonly Note[]): DeckRename<Note>[] {
	const renames: DeckRename<Note>[] = [];
	const taken = new Set(notes.map((note) => note.deck.id));
	for (const same of groupBy(notes, (note) => note.deck.id).values()) {
		if (same.length < 2) continue;
		const named = same.find((note) => deckIdFor(fileWithoutExtension(note.file.split('/').pop() ?? note.file)) === note.deck.id);
		const kept = named ?? (same[0] as Note);
		for (const note of same) {
			if (note === kept) continue;
			const base = `${note.deck.name} (${fileWithoutExtension(note.file)})`;
			let name = base;
			for (let turn = 2; taken.has(deckIdFor(name)); turn++) name = `${base} ${turn}`;
			taken.add(deckIdFor(name));
			renames.push({ note, shared: note.deck.name, name, kept });
		}
	}
	return renames;
}
