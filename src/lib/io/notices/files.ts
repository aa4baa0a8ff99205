/**
 * What the importers say about choosing and unpacking files: sizes, gzip, zip, telling formats apart (detect.ts,
 * read-import.ts, zip.ts, gzip.ts). English, by code; i18n/notices/files.ts has the Korean.
 */
import type { AnyNotice, Catalog } from '../../i18n/notice';

/** Whole megabytes, as the size limits are stated. */
export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const fileNotices = {
	'file-none-chosen': () => 'Choose a file to import.',
	'file-empty': (values: { name: string }) => `“${values.name}” is empty.`,
	'file-too-large': (values: { name: string; bytes: number; maxBytes: number }) =>
		`“${values.name}” is ${megabytes(values.bytes)} MB; Recall imports files of up to ${megabytes(values.maxBytes)} MB.`,
	'file-not-package': (values: { name: string }) => `“${values.name}” is not an Anki package: it is not a zip archive.`,
	'file-not-collection': (values: { name: string }) => `“${values.name}” is not an Anki collection: it is not an SQLite database.`,
	'file-not-zip': (values: { name: string }) => `“${values.name}” is not a zip archive (it is damaged, or not a zip at all).`,
	'file-unknown-kind': (values: { name: string; extensions: string[] }) =>
		`Recall cannot read “${values.name}”. It imports ${values.extensions.join(', ')} files.`,
	/** `names`: the images and sounds chosen without a note (or with a file that is not one). */
	'file-images-without-note': (values: { names: string[] }) =>
		`${values.names.map((name) => `“${name}”`).join(', ')} ${values.names.length === 1 ? 'goes' : 'go'} with a note: Recall imports images and sounds only with the Markdown notes that show or play them. Choose ${values.names.length === 1 ? 'it' : 'them'} together with the note (.md), or import the notes folder as a .zip.`,
	/** `names`: every file chosen, when they cannot be read together. */
	'file-several-not-notes': (values: { names: string[] }) =>
		`${values.names.map((name) => `“${name}”`).join(', ')} cannot be imported together: a backup, a deck file or a table is imported on its own. Several Markdown notes (with their images), or several Anki packages, can be chosen at once.`,
	'file-not-gzip': (values: { name: string }) => `“${values.name}” is not a gzip file (it does not start like one).`,
	'file-backup-not-utf8': (values: { name: string }) => `“${values.name}” is not a Recall backup: it is not UTF-8 text.`,
	'file-gzip-too-large': (values: { name: string; maxBytes: number }) =>
		`“${values.name}” expands to more than ${megabytes(values.maxBytes)} MB, more than Recall imports at once.`,
	'file-gzip-damaged': (values: { name: string; reason: string }) => `“${values.name}” is a damaged gzip file (${values.reason}).`,
	'file-gzip-cut-short': (values: { name: string }) => `“${values.name}” is a gzip file cut short: it ends before its data does.`,
	/** A single file's refusal that does not name it (a reader's, which sees bytes, not a file): `reason`, after the name. */
	'file-refused': (values: { name: string; reason: AnyNotice }) => `“${values.name}”: ${values.reason.message}`,
	/** A warning about one of several files read together (Anki packages), after the file's name. */
	'file-warning': (values: { name: string; warning: AnyNotice }) => `“${values.name}”: ${values.warning.message}`,
	/** One of several Anki packages chosen together could not be read (`refusal` names it): the others are imported. */
	'file-left-out': (values: { refusal: AnyNotice }) => `${values.refusal.message} It is left out; the other files are imported.`,
	/** Several Anki packages chosen together, none of them readable: each one's refusal. */
	'file-none-readable': (values: { refusals: AnyNotice[] }) =>
		`None of the ${values.refusals.length} files could be imported:${values.refusals.map((refusal) => ` ${refusal.message}`).join('')}`,
	/** `problems`: what the reader left out, which is why (an Anki package of sounds only, say). */
	'file-no-cards': (values: { name: string; problems: AnyNotice[] }) =>
		`No cards could be made from “${values.name}”.${values.problems.map((problem) => ` ${problem.message}`).join('')}`,
	'zip-not-zip': () => 'This file is not a zip archive (it does not start like one).',
	'zip-damaged': (values: { reason: string }) => `The zip archive is damaged or incomplete (${values.reason}).`,
	'zip-too-large': (values: { maxBytes: number; maxEntries: number }) =>
		`This archive expands to more than ${megabytes(values.maxBytes)} MB or holds more than ${values.maxEntries} files, more than Recall imports at once.`
} satisfies Catalog;
