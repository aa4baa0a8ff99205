/** What the importers say about Markdown notes and zips of them (markdown-notes.ts); a note's own warnings are notes/warnings.ts: English, by code (i18n/notices/notes.ts has the Korean). */
import type { AnyNotice, Catalog } from '../../i18n/notice';
import type { NoteNotice } from '../../notes/warnings';

export const notesNotices = {
	'notes-none-chosen': () => 'No files were chosen.',
	'notes-not-a-note': (values: { name: string }) =>
		`“${values.name}” is not a note or a zip of notes (Recall reads .md, .markdown, .txt and .zip files).`,
	'notes-zip-without-notes': (values: { name: string }) => `“${values.name}” holds no notes (.md, .markdown or .txt files).`,
	/** `reason`: why zip.ts refused the archive. */
	'notes-zip-unreadable': (values: { name: string; reason: AnyNotice }) => `“${values.name}”: ${values.reason.message}`,
	'notes-zip-other-files': (values: { name: string; count: number }) =>
		`“${values.name}”: ${values.count} ${values.count === 1 ? 'file that is not a note, an image or a sound was' : 'files that are not notes, images or sounds were'} left out.`,
	/** `reason`: the decoder's refusal of the note's bytes. */
	'notes-note-unreadable': (values: { path: string; reason: NoteNotice }) => `${values.path} ${values.reason.message}.`,
	/** `warning`: what the decoder says about how it read the note. */
	'notes-note-decoded': (values: { path: string; warning: NoteNotice }) => `${values.path}: ${values.warning.message}.`,
	'notes-note-warning': (values: { path: string; line?: number; warning: NoteNotice }) =>
		`${values.path}${values.line === undefined ? '' : `, line ${values.line}`}: ${values.warning.message}.`,
	/** `images`: the first few not found (the sources as the note wrote them); `more`: how many others. */
	'notes-missing-images': (values: { path: string; images: string[]; more: number }) => {
		const one = values.images.length + values.more === 1;
		const listed = values.images.map((src) => `"${src}"`).join(', ');
		return `${values.path}: ${one ? 'the image' : 'the images'} ${listed}${values.more > 0 ? ` and ${values.more} more` : ''} ${one ? 'is' : 'are'} not among the imported files; cards show the alt text instead (choose the images together with the note, or import the notes folder as a .zip, to bring them along).`;
	},
	/** `images`: the sources, as the note wrote them, that several chosen files could be. */
	'notes-ambiguous-images': (values: { path: string; images: string[] }) => {
		const one = values.images.length === 1;
		return `${values.path}: several files could be ${one ? 'the image' : 'each of the images'} ${values.images.map((src) => `"${src}"`).join(', ')} (they have the same name, or names that differ only in capital letters); cards show the alt text instead. Choose only the one the note means, or import the notes folder as a .zip.`;
	},
	/** `sounds`: the first few not found (as the note names them); `more`: how many others. */
	'notes-missing-sounds': (values: { path: string; sounds: string[]; more: number }) => {
		const one = values.sounds.length + values.more === 1;
		const listed = values.sounds.map((name) => `"${name}"`).join(', ');
		return `${values.path}: ${one ? 'the sound' : 'the sounds'} ${listed}${values.more > 0 ? ` and ${values.more} more` : ''} ${one ? 'is' : 'are'} not among the imported files; cards say the sound is not available (choose the sound files together with the note, or import the notes folder as a .zip, to bring them along).`;
	},
	/** `sounds`: the names, as the note wrote them, that several chosen files could be. */
	'notes-ambiguous-sounds': (values: { path: string; sounds: string[] }) => {
		const one = values.sounds.length === 1;
		return `${values.path}: several files could be ${one ? 'the sound' : 'each of the sounds'} ${values.sounds.map((name) => `"${name}"`).join(', ')} (they have the same name, or names that differ only in capital letters); cards say the sound is not available. Choose only the one the note means, or import the notes folder as a .zip.`;
	},
	/** Each pair of notes that make one deck; the import is refused as a whole. */
	'notes-same-deck': (values: { conflicts: { first: string; second: string; deck: string }[] }) =>
		values.conflicts
			.map(
				({ first, second, deck }) =>
					`${first} and ${second} both make the deck "${deck}"; give one of them another name (a "deck:" line in its front matter, or another first heading).`
			)
			.join(' '),
	/** `problems`: this area's notices, one for each file that cannot be read. */
	'notes-files-refused': (values: { problems: AnyNotice[] }) =>
		`${values.problems.length} files cannot be imported: ${values.problems.map((problem) => problem.message).join(' ')}`,
	/** `from`: one note read, or several files (or none readable); `read`: whether a note was read, so that what makes cards is worth saying; `problems`: the files skipped, if any. */
	'notes-no-cards': (values: { from: 'this-note' | 'these-files'; read: boolean; problems: AnyNotice[] }) =>
		`No cards could be made from ${values.from === 'this-note' ? 'this note' : 'these files'}.${values.read ? ' Cards are made from definitions ("term: definition" or "term - definition" lines, or a bold term), from questions ("Q: …" with "A: …"), from the lists, numbered steps, short passages and tables under headings, and from marked cards ("question::answer", "==cloze==").' : ''}${values.problems.map((problem) => ` ${problem.message}`).join('')}`,
	'notes-skipped': (values: { problem: AnyNotice }) => `Skipped: ${values.problem.message}`,

	// The decoder's words for a single text file that is not a note (delimited.ts: a CSV or TSV file).
	'notes-text-file-unreadable': (values: { reason: NoteNotice }) => `This file ${values.reason.message}.`,
	'notes-text-file-decoded': (values: { warning: NoteNotice }) => `The file was ${values.warning.message}.`
} satisfies Catalog;
