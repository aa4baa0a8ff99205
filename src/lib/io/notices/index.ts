/**
 * Everything the importers and the store's merge say to the learner, as notices (i18n/notice.ts): why a file is
 * refused, what was left out or changed. One catalog per area; the codes of all areas are one namespace.
 */
import { sayer, type NoticeOf } from '../../i18n/notice';
import { ImportError } from '../bundle';
import { ankiNotices } from './anki';
import { backupNotices } from './backup';
import { fileNotices } from './files';
import { mergeNotices } from './merge';
import { notesNotices } from './notes';
import { tableNotices } from './table';

/** The areas' catalogs; a test checks that no code is in two of them. */
export const importNoticeAreas = { fileNotices, ankiNotices, backupNotices, tableNotices, notesNotices, mergeNotices };

export const importNotices = {
	...fileNotices,
	...ankiNotices,
	...backupNotices,
	...tableNotices,
	...notesNotices,
	...mergeNotices
};

export type ImportNotice = NoticeOf<typeof importNotices>;
export type ImportNoticeCode = ImportNotice['code'];

/** An import notice: `say('file-empty', { name })`. */
export const say = sayer(importNotices);

/** `new ImportError(say(code, values))`, shorter. */
export function refuse<C extends ImportNoticeCode>(code: C, ...values: Parameters<(typeof importNotices)[C]>): ImportError {
	return new ImportError(say(code, ...values));
}
