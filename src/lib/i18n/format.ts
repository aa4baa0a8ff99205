/** Filling in UI strings. Pure: the reactive `i18n` and the tests use it alike. */
import type { Locale } from './locale';
import { messages, type MessageKey } from './messages';

export type MessageValues = Record<string, string | number>;

/** The counted strings, by their name without the `_one` / `_other` ending. */
export type CountedMessage = {
	[K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** `template` with each `{name}` replaced by its value; numbers are written the locale's way. */
export function fillPlaceholders(locale: Locale, template: string, values: MessageValues): string {
	return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = values[name];
		if (value === undefined) return placeholder;
		return typeof value === 'number' ? formatNumber(locale, value) : value;
	});
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * `value` the locale's way ("12,345"). Whole numbers under 1,000 are the same digits in English and Korean, and are
 * written without ICU: the first number a page formats would otherwise load ICU's number data on the study screen's
 * first render (16 ms on this machine, 66 ms at Lighthouse's mobile CPU).
 */
export function formatNumber(locale: Locale, value: number): string {
	if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
	let format = numberFormats.get(locale);
	if (format === undefined) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
	return format.format(value);
}

export function formatMessage(locale: Locale, key: MessageKey, values: MessageValues): string {
	return fillPlaceholders(locale, messages[locale][key], values);
}

/**
 * "1 card", "58 cards", "카드 58장": the form the locale's plural rules pick, with `{count}` filled in
 * (and the other placeholders from `values`: "AWS: 1 card is gone").
 */
export function countMessage(locale: Locale, message: CountedMessage, count: number, values: MessageValues = {}): string {
	return formatMessage(locale, countedKey(locale, message, count), { ...values, count });
}

/** The form of a counted string that the locale's plural rules pick for `count`: `cards_one`, `cards_other`. */
export function countedKey(locale: Locale, message: CountedMessage, count: number): MessageKey {
	let rules = pluralRules.get(locale);
	if (rules === undefined) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
	return `${message}_${rules.select(count) === 'one' ? 'one' : 'other'}`;
}
