/** The Korean of io/notices/backup.ts. */
import type { Translation } from '../notice';
import type { backupNotices } from '../../io/notices/backup';

export const backupNoticesKo: Translation<typeof backupNotices> = {
};
