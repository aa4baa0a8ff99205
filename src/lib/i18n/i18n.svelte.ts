/** The UI's current locale, as reactive state: components read `i18n.t(key)`. */
import type { CardRule } from '../notes/deck-format';
import { countMessage, formatMessage, type CountedMessage, type MessageValues } from './format';
import { messages, ruleNames, type MessageKey } from './messages';
import { DEFAULT_LOCALE, pickLocale, type Locale } from './locale';

function browserLocale(): Locale {
	return typeof navigator === 'undefined' ? DEFAULT_LOCALE : pickLocale(navigator.languages ?? [navigator.language]);
}

class I18n {
	locale = $state<Locale>(browserLocale());

	t(key: MessageKey): string {
		return messages[this.locale][key];
	}

	/** A string with `{name}` placeholders filled in. */
	format(key: MessageKey, values: MessageValues): string {
		return formatMessage(this.locale, key, values);
	}

	/** A counted string such as "58 cards". */
	count(message: CountedMessage, count: number): string {
		return countMessage(this.locale, message, count);
	}

	rule(rule: CardRule): string {
		return ruleNames[this.locale][rule];
	}
}

export const i18n = new I18n();
