/** The UI's current locale, as reactive state: components read `i18n.t(key)`. */
import { readHint, writeHint } from '../app/first-paint-hints';
import type { LanguageSetting } from '../db/settings';
import type { CardRule } from '../notes/deck-format';
import { countMessage, formatMessage, formatNumber, type CountedMessage, type MessageValues } from './format';
import { countedParts, messageParts, type MessageContent, type MessagePart } from './message-parts';
import { messages, ruleNames, type MessageKey } from './messages';
import { DEFAULT_LOCALE, isLocale, pickLocale, type Locale } from './locale';

/** The stored language's copy for the first paint (app/first-paint-hints.ts). */
const LANGUAGE_HINT_KEY = 'recall:language';

function browserLocale(): Locale {
	return typeof navigator === 'undefined' ? DEFAULT_LOCALE : pickLocale(navigator.languages ?? [navigator.language]);
}

function readLanguageHint(): LanguageSetting {
	const hint = readHint(LANGUAGE_HINT_KEY);
	return isLocale(hint) ? hint : 'auto';
}

function resolveLocale(language: LanguageSetting): Locale {
	return language === 'auto' ? browserLocale() : language;
}

class I18n {
	/** The learner's choice; 'auto' follows the browser. */
	language = $state<LanguageSetting>(readLanguageHint());
	locale = $state<Locale>(resolveLocale(this.language));

	/** Switches the UI to the learner's stored language setting. */
	useLanguage(language: LanguageSetting): void {
		this.language = language;
		this.locale = resolveLocale(language);
		writeHint(LANGUAGE_HINT_KEY, language === 'auto' ? undefined : language);
	}

	/** The browser's languages changed: an automatic UI follows them. */
	browserLanguageChanged(): void {
		if (this.language === 'auto') this.locale = browserLocale();
	}

	/** The language the browser asks for, which 'auto' uses. */
	get browserLocale(): Locale {
		return browserLocale();
	}

	t(key: MessageKey): string {
		return messages[this.locale][key];
	}

	/** A string with `{name}` placeholders filled in. */
	format(key: MessageKey, values: MessageValues): string {
		return formatMessage(this.locale, key, values);
	}

	/** A number the locale's way: "12,345". */
	number(value: number): string {
		return formatNumber(this.locale, value);
	}

	/** A counted string such as "58 cards"; `values` fill its other placeholders. */
	count(message: CountedMessage, count: number, values: MessageValues = {}): string {
		return countMessage(this.locale, message, count, values);
	}

	/** A string with the learner's `content` in it, in parts that mark the content's language (message-parts.ts). */
	parts(key: MessageKey, content: MessageContent, values: MessageValues = {}): MessagePart[] {
		return messageParts(this.locale, key, content, values);
	}

	/** A counted string with the learner's `content` in it, in parts. */
	countParts(message: CountedMessage, count: number, content: MessageContent, values: MessageValues = {}): MessagePart[] {
		return countedParts(this.locale, message, count, content, values);
	}

	rule(rule: CardRule): string {
		return ruleNames[this.locale][rule];
	}
}

export const i18n = new I18n();
