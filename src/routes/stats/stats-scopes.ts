/**
 * What the statistics page can show: every deck, one deck, or a deck with its
 * sub-decks (a `tree:` scope, $lib/srs/deck-tree), as its selector offers them
 * and its title names them.
 */
import '$lib/i18n/messages-stats';
import type { DeckRecord } from '$lib/db';
import { formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { textLang, type ContentLang } from '$lib/render/text-lang';
import { ALL_DECKS, buildDeckTree, isUnder, pathName, subtreePath, subtreeScope, type DeckTreeNode } from '$lib/srs/deck-tree';

export type ScopeDeck = Pick<DeckRecord, 'id' | 'name' | 'retired' | 'deletedAt'>;

export interface ScopeOption {
	/** The scope: a deck id or a tree's scope. */
	value: string;
	text: string;
	/**
	 * The language of the text, the deck's name with the app's words beside it (textLang): an option holds no element
	 * to mark the name alone. Korean words make it `ko` whatever the name, as a Korean voice reads a Latin name well
	 * enough, and an English one would drop the words.
	 */
	lang: ContentLang;
}

/** A deck by its whole name, and whether it is retired or deleted. */
function deckText(deck: ScopeDeck, locale: Locale): string {
	if (deck.deletedAt !== undefined) return formatMessage(locale, 'statsDeletedDeck', { deck: deck.name });
	return deck.retired ? formatMessage(locale, 'statsRetiredDeck', { deck: deck.name }) : deck.name;
}

/** "Languages (with sub-decks)". */
function treeText(path: readonly string[], locale: Locale): string {
	return formatMessage(locale, 'statsWithSubdecks', { deck: pathName(path) });
}

/**
 * The selector's choices after every deck: the decks in the home page's tree
 * order, a deck with sub-decks (or a parent known only from their names)
 * offered with them first, then alone. Each by its whole name
 * (`Languages::Korean`) rather than indented: a native select indents only
 * with spaces, which a screen reader does not read and the closed select
 * shows before the name.
 */
export function scopeOptions(decks: readonly ScopeDeck[], locale: Locale): ScopeOption[] {
	const option = (value: string, text: string): ScopeOption => ({ value, text, lang: textLang(text, locale) });
	const optionsOf = (node: DeckTreeNode<ScopeDeck>): ScopeOption[] => [
		...(node.children.length > 0 ? [option(subtreeScope(node.path), treeText(node.path, locale))] : []),
		...(node.deck === undefined ? [] : [option(node.deck.id, deckText(node.deck, locale))]),
		...node.children.flatMap(optionsOf)
	];
	return buildDeckTree(decks).flatMap(optionsOf);
}

/** Whether `scope` has something to count: every deck, a deck there is, or a tree with a deck under it. */
export function scopeExists(scope: string, decks: readonly ScopeDeck[]): boolean {
	if (scope === ALL_DECKS) return true;
	const path = subtreePath(scope);
	return decks.some((deck) => (path === undefined ? deck.id === scope : isUnder(deck.name, path)));
}

/** What the page is about, for its title: a deck's name, or a tree's; undefined for every deck or a scope there is not. */
export function scopeTitle(scope: string, decks: readonly ScopeDeck[], locale: Locale): string | undefined {
	if (scope === ALL_DECKS || !scopeExists(scope, decks)) return undefined;
	const path = subtreePath(scope);
	return path === undefined ? decks.find((deck) => deck.id === scope)?.name : treeText(path, locale);
}
