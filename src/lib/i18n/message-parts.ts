/**
 * A UI string with the learner's content in it ("Study AWS 기초", "Delete the deck “AWS 기초”?"), in parts: the app's
 * words, and each piece of content apart with its own language (textLang). The page marks the content
 * (`<span lang>`, MessageText.svelte), so that a screen reader reads a Korean deck's name under the English interface
 * with a Korean voice, where one string would be read all in the interface's. The string stays one message to
 * translate, whichever side of its words the content goes. Pure.
 */
import { textLang, type ContentLang } from '$lib/render/text-lang';
import { countedKey, fillPlaceholders, type CountedMessage, type MessageValues } from './format';
import type { Locale } from './locale';
import { messages, type MessageKey } from './messages';

export type MessagePart = { kind: 'words'; text: string } | { kind: 'content'; text: string; lang: ContentLang };

/** The learner's text a message holds, by placeholder: `{ deck: 'AWS 기초' }` for `Study {deck}`. */
export type MessageContent = Record<string, string>;

/**
 * `template` in parts: each placeholder named in `content` is a part of its own, the rest (with `values` filled in,
 * as formatMessage fills them) the app's words between. A placeholder in neither is kept as written, as
 * fillPlaceholders keeps it.
 */
export function templateParts(locale: Locale, template: string, content: MessageContent, values: MessageValues = {}): MessagePart[] {
	const parts: MessagePart[] = [];
	let words = '';
	let at = 0;
	for (const placeholder of template.matchAll(/\{(\w+)\}/g)) {
		const name = placeholder[1] ?? '';
		const text = Object.hasOwn(content, name) ? content[name] : undefined;
		if (text === undefined) continue;
		words += fillPlaceholders(locale, template.slice(at, placeholder.index), values);
		if (words !== '') parts.push({ kind: 'words', text: words });
		words = '';
		parts.push({ kind: 'content', text, lang: textLang(text, locale) });
		at = placeholder.index + placeholder[0].length;
	}
	words += fillPlaceholders(locale, template.slice(at), values);
	if (words !== '') parts.push({ kind: 'words', text: words });
	return parts;
}

/** The message `key` in parts (templateParts). */
export function messageParts(locale: Locale, key: MessageKey, content: MessageContent, values: MessageValues = {}): MessagePart[] {
	return templateParts(locale, messages[locale][key], content, values);
}

/** A counted message in parts: the form for `count` (countMessage), with `{count}` filled in. */
export function countedParts(locale: Locale, message: CountedMessage, count: number, content: MessageContent, values: MessageValues = {}): MessagePart[] {
	return messageParts(locale, countedKey(locale, message, count), content, { ...values, count });
}

/** The parts as one string: what the message says, as formatMessage would have written it. */
export function partsText(parts: readonly MessagePart[]): string {
	return parts.map((part) => part.text).join('');
}
