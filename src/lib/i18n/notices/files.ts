/** The Korean of io/notices/files.ts. */
import type { Translation } from '../notice';
import type { fileNotices } from '../../io/notices/files';

export const fileNoticesKo: Translation<typeof fileNotices> = {
};
