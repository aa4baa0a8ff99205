/** What the importers say about Markdown notes and zips of them (markdown-notes.ts); a note's own warnings are notes/warnings.ts: English, by code (i18n/notices/notes.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const notesNotices = {
} satisfies Catalog;
