/** Checks one area's notices in both languages, from a sample of values for each of its codes. */
import { expect, it } from 'vitest';
import type { Catalog } from '../../../src/lib/i18n/notice';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { say, type ImportNotice } from '../../../src/lib/io/notices';

/** Sample values for every code of a catalog: typed so that a code without a sample does not compile. */
export type Samples<T extends Catalog> = { [C in keyof T & string]: Parameters<T[C]> };

/** The strings and numbers a sentence must show, however deep in the values (a quoted notice's own values too). */
function shownValues(values: unknown): string[] {
	if (typeof values === 'string') return values === '' ? [] : [values];
	if (typeof values === 'number') return [String(values)];
	if (Array.isArray(values)) return values.flatMap(shownValues);
	if (values !== null && typeof values === 'object') {
		const { message: _english, ...rest } = values as Record<string, unknown>;
		return Object.entries(rest)
			// Sizes in bytes are shown as megabytes, and a quoted notice's code is not shown.
			.filter(([key]) => key !== 'code' && !/bytes$/i.test(key))
			.flatMap(([, value]) => shownValues(value));
	}
	return [];
}

/** One test per code: the English is the catalog's, the Korean is Korean and shows every value. */
export function checkSamples<T extends Catalog>(samples: Samples<T>): void {
	for (const [code, values] of Object.entries(samples) as [string, unknown[]][]) {
		it(code, () => {
			const notice = (say as (code: string, ...values: unknown[]) => ImportNotice)(code, ...values);
			expect(importNoticeText('en', notice)).toBe(notice.message);
			const korean = importNoticeText('ko', notice);
			expect(korean).toMatch(/[\uac00-\ud7a3]/);
			expect(korean).not.toBe(notice.message);
			expect(korean).not.toMatch(/undefined|NaN|\[object|\{/);
			for (const value of shownValues(values[0])) expect(korean).toContain(value);
		});
	}
}
