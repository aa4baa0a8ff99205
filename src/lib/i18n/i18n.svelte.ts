/** The UI's current locale, as reactive state: components read `i18n.t(key)`. */
import { messages, type MessageKey } from './messages';
import { DEFAULT_LOCALE, pickLocale, type Locale } from './locale';

function browserLocale(): Locale {
	return typeof navigator === 'undefined' ? DEFAULT_LOCALE : pickLocale(navigator.languages ?? [navigator.language]);
}

class I18n {
	locale = $state<Locale>(browserLocale());

	t(key: MessageKey): string {
		return messages[this.locale][key];
	}
}

export const i18n = new I18n();
