/**
 * Words for the learner from the pure layers (notes, io), kept as data: a code, its values, and the English
 * sentence. A catalog of English sentences sits beside the code that speaks; a translation (i18n/notices/) gives
 * the same codes in another language from the same values. Being data, a notice crosses from the import worker to
 * the page and is put in the learner's language there. Imports nothing, so any layer may use it.
 */

/** One area's English sentences, by code, each made from that code's values (or from none). */
export type Catalog = Record<string, (values: never) => string>;

/** What a code's sentence is made from; `undefined` for a code that needs nothing. */
export type ValuesOf<T extends Catalog, C extends keyof T> = Parameters<T[C]> extends [infer V] ? V : undefined;

/** A notice of one catalog: a plain object, so structured clone carries it across a worker. */
export type NoticeOf<T extends Catalog> = { [C in keyof T & string]: { code: C; values: ValuesOf<T, C>; message: string } }[keyof T & string];

/** Any notice, of any catalog: what a notice quoting another (a file's reason inside a list of skipped files) holds. */
export interface AnyNotice {
	code: string;
	values?: unknown;
	/** The English sentence. */
	message: string;
}

/** A catalog in another language: one function for each code, from the same values. */
export type Translation<T extends Catalog> = { [C in keyof T & string]: (values: ValuesOf<T, C>) => string };

/** The function that makes `catalog`'s notices: `say('file-empty', { name })`. */
export function sayer<T extends Catalog>(catalog: T): <C extends keyof T & string>(code: C, ...values: Parameters<T[C]>) => NoticeOf<T> {
	return (code, ...values) => {
		const english = catalog[code] as (values: unknown) => string;
		return { code, values: values[0], message: english(values[0]) } as NoticeOf<T>;
	};
}
