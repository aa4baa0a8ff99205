/**
 * What merging into the store and exporting from it say (db/imports.ts, db/exports.ts). English, by code;
 * i18n/notices/merge.ts has the Korean. Here rather than in db/ because they travel in an import's warnings.
 */
import type { Catalog } from '../../i18n/notice';

export const mergeNotices = {
	'merge-orphan-reviews': (values: { count: number }) =>
		values.count === 1
			? '1 review row belongs to a card that is neither in the file nor on this device; it was left out.'
			: `${values.count} review rows belong to cards that are neither in the file nor on this device; they were left out.`,
	'merge-unknown-setting': (values: { key: string }) => `The backup’s setting “${values.key}” is not one this version knows; it was left out.`,
	'merge-export-cards-without-deck': (values: { count: number }) =>
		values.count === 1 ? '1 card belongs to no deck and was left out.' : `${values.count} cards belong to no deck and were left out.`
} satisfies Catalog;
