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
		return typeof value === 'number' ? value.toLocaleString(locale) : value;
	});
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
	return `${message}_${new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'}`;
}
