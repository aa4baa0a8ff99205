/** What the importers say about Recall's own JSON backups and deck files (backup.ts): English, by code (i18n/notices/backup.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';
import { problemsInEnglish, type SchemaProblem } from '../../notes/schema-problems';

/** Which of Recall's own files a problem is in. */
export type RecallFileKind = 'backup' | 'deck file';

/** A problem's values, with the file it was found in (the same checks read backups and deck files). */
type Problem<V> = V & { what: RecallFileKind };

export const backupNotices = {
	'backup-too-large': ({ limitMegabytes }: { limitMegabytes: number }) => `This file is too large to import (over ${limitMegabytes} MB).`,
	'backup-empty-file': () => 'The file is empty.',
	'backup-damaged': () => 'This Recall file is damaged or cut short: it is not valid JSON.',
	'backup-not-json': () => 'This file is not a Recall backup or deck file: it is not JSON.',
	'backup-other-format': ({ format }: { format: string }) =>
		`This file is not a Recall backup or deck file (its "format" is "${format}"; Recall reads "recall-backup" and "recall-deck").`,
	'backup-no-format': () => 'This file is not a Recall backup or deck file (it has no "format" field; Recall reads "recall-backup" and "recall-deck").',
	'backup-newer-version': ({ what, version, supported }: Problem<{ version: number; supported: number }>) =>
		`This ${what} is format version ${version}; this version of Recall reads up to version ${supported}. Update the app to open it.`,
	/** The first problems zod found, as data: zod's English here, each problem's kind and values in another language. */
	'backup-invalid': ({ what, problems }: Problem<{ problems: SchemaProblem[] }>) => `The ${what} is not valid: ${problemsInEnglish(problems)}.`,
	'backup-deck-twice': ({ what, deck }: Problem<{ deck: string }>) => `The ${what} is not valid: deck id "${deck}" appears twice.`,
	'backup-card-twice': ({ what, card }: Problem<{ card: string }>) => `The ${what} is not valid: card id "${card}" appears twice.`,
	'backup-card-in-other-deck': ({ what, card, listedIn, names }: Problem<{ card: string; listedIn: string; names: string }>) =>
		`The ${what} is not valid: card "${card}" is listed in deck "${listedIn}" but names deck "${names}".`,
	'backup-review-twice': ({ what, index, review }: Problem<{ index: number; review: string }>) =>
		`The ${what} is not valid: reviews.${index}: review id "${review}" appears twice.`,
	'backup-review-card-missing': ({ what, index, card }: Problem<{ index: number; card: string }>) =>
		`The ${what} is not valid: reviews.${index}: card "${card}" is not in the file.`,
	'backup-progress-card-missing': ({ what, card }: Problem<{ card: string }>) => `The ${what} is not valid: progress: card "${card}" is not in the file.`,
	'backup-media-twice': ({ index, name }: { index: number; name: string }) => `The backup is not valid: media.${index}: the file name "${name}" appears twice.`,
	'backup-media-not-base64': ({ index, name }: { index: number; name: string }) => `The backup is not valid: media.${index}: "${name}" is not base64.`
} satisfies Catalog;
