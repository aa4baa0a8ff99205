/** What the importers say about choosing and unpacking files: sizes, gzip, zip, telling formats apart (detect.ts, read-import.ts, zip.ts, gzip.ts): English, by code (i18n/notices/files.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

export const fileNotices = {
} satisfies Catalog;
