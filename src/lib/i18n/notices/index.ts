/**
 * The importers' notices (io/notices/) in the learner's language. English is the notice's own sentence; Korean
 * is written here, one file per area, each typed against its English catalog, so a code without its Korean does
 * not compile. Loaded only where notices are shown: the import page, and an export that has something to say.
 */
import type { ImportNotice, importNotices } from '../../io/notices';
import type { Locale } from '../locale';
import type { AnyNotice, Translation } from '../notice';
import { ankiNoticesKo } from './anki';
import { backupNoticesKo } from './backup';
import { fileNoticesKo } from './files';
import { mergeNoticesKo } from './merge';
import { notesNoticesKo } from './notes';
import { tableNoticesKo } from './table';

const korean: Translation<typeof importNotices> = {
	...fileNoticesKo,
	...ankiNoticesKo,
	...backupNoticesKo,
	...tableNoticesKo,
	...notesNoticesKo,
	...mergeNoticesKo
};

/** What `notice` says, in `locale`. */
export function importNoticeText(locale: Locale, notice: ImportNotice | AnyNotice): string {
	if (locale === 'en') return notice.message;
	const sentence = korean[notice.code as ImportNotice['code']] as ((values: unknown) => string) | undefined;
	// A quoted notice (AnyNotice) of a code this table does not know still says its English rather than nothing.
	return sentence === undefined ? notice.message : sentence(notice.values);
}
