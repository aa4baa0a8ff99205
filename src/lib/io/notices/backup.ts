/** What the importers say about Recall's own JSON backups and deck files (backup.ts): English, by code (i18n/notices/backup.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const backupNotices = {
} satisfies Catalog;
