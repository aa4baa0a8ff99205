/** What the importers say about merging into the store and exporting from it (db/imports.ts, db/exports.ts): English, by code (i18n/notices/merge.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const mergeNotices = {
} satisfies Catalog;
