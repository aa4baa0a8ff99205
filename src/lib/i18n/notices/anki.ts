/** The Korean of io/notices/anki.ts. */
import type { Translation } from '../notice';
import type { ankiNotices } from '../../io/notices/anki';

export const ankiNoticesKo: Translation<typeof ankiNotices> = {
};
