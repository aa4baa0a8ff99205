/** What the importers say about Anki packages and collections (io/anki/): English, by code (i18n/notices/anki.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const ankiNotices = {
} satisfies Catalog;
