/** The Korean of io/notices/notes.ts. */
import type { Translation } from '../notice';
import type { notesNotices } from '../../io/notices/notes';

export const notesNoticesKo: Translation<typeof notesNotices> = {
};
