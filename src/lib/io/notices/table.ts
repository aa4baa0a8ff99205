/** What the importers say about CSV, TSV and Anki's plain-text notes (delimited.ts): English, by code (i18n/notices/table.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const tableNotices = {
} satisfies Catalog;
