/** Checks shared by the areas' notice tests: every code's English and Korean, from a sample of its values. */
import { expect, it } from 'vitest';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import type { AnyNotice, Catalog } from '../../../src/lib/i18n/notice';
import { say, type ImportNotice } from '../../../src/lib/io/notices';

/** `say` for any code of a catalog given as a type parameter; the samples' type holds code and values together. */
const sayAny = say as (code: string, values?: unknown) => ImportNotice;

/** Sample values for every code of a catalog: a code without one does not compile. */
export type Samples<T extends Catalog> = { [C in keyof T]: Parameters<T[C]> };

/**
 * The strings and numbers values hold, nested lists and quoted notices included; `more: 0` (no lines beyond those
 * listed) says nothing, and a quoted notice's code and English are not its words.
 */
function shownValues(values: unknown, translated: ReadonlySet<string>): string[] {
	if (typeof values === 'string' || typeof values === 'number') return [String(values)];
	if (Array.isArray(values)) return values.flatMap((value) => shownValues(value, translated));
	if (typeof values !== 'object' || values === null) return [];
	return Object.entries(values).flatMap(([key, value]) =>
		translated.has(key) || (key === 'more' && value === 0) || key === 'code' || key === 'message' ? [] : shownValues(value, translated)
	);
}

/**
 * `korean` as the Korean of `notice`: Korean, not the English, no hole, and every value shown but those named in
 * `translated` (enumerations each language words its own way).
 */
export function expectKoreanOf(notice: AnyNotice, korean: string, translated: ReadonlySet<string> = new Set()): void {
	expect(korean, notice.code).toMatch(/\p{Script=Hangul}/u);
	expect(korean, notice.code).not.toBe(notice.message);
	expect(korean, notice.code).not.toMatch(/undefined|NaN|\[object|\{/);
	for (const value of shownValues(notice.values, translated)) expect(korean, `${notice.code}: ${value}`).toContain(value);
}

/** The import page's Korean of `notice`, checked by `expectKoreanOf`. */
export function expectKorean(notice: AnyNotice, translated: ReadonlySet<string> = new Set()): string {
	const korean = importNoticeText('ko', notice);
	expectKoreanOf(notice, korean, translated);
	return korean;
}

/** One test per code: the English is the catalog's, and the Korean passes `expectKorean`. */
export function itSaysEverySample<T extends Catalog>(catalog: T, samples: Samples<T>, translated: ReadonlySet<string> = new Set()): void {
	for (const [code, sample] of Object.entries(samples) as [string, unknown[]][]) {
		it(`${code}: English from the catalog, and Korean with every value`, () => {
			const notice = sayAny(code, sample[0]);
			expect(notice.message).toBe((catalog[code] as (values: unknown) => string)(sample[0]));
			expect(importNoticeText('en', notice)).toBe(notice.message);
			expectKorean(notice, translated);
		});
	}
}
