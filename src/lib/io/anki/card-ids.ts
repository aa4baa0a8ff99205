/**
 * Which Recall card an Anki card is, and back: the ids an Anki package's cards
 * take in Recall, and the guids Recall's export writes so that its cards come
 * back as themselves. Tiny on purpose: the store's card editing needs it
 * without the rest of the Anki code.
 *
 * - A card of an Anki note is `anki-<note guid>-<card ordinal>`.
 * - A note Recall exported of one card has the guid `recall:<card id>`.
 * - A Cloze note Recall exported of several cards of one sentence names them by
 *   ordinal, separated by a space: `recall-cloze:<id of c1> <id of c2>…`.
 */

/** Cards exported by Recall carry their Recall id in the guid (`recall:<id>`), so importing them back updates them. */
export const RECALL_GUID_PREFIX = 'recall:';

/** A Cloze note Recall exported of several cards: their ids by ordinal. */
export const RECALL_CLOZE_GUID_PREFIX = 'recall-cloze:';

/** The id in Recall of the card of ordinal `ordinal` of the note `guid`. */
export function cardIdFor(guid: string, ordinal: number): string {
	if (ordinal === 0 && guid.startsWith(RECALL_GUID_PREFIX) && guid.length > RECALL_GUID_PREFIX.length) return guid.slice(RECALL_GUID_PREFIX.length);
	const named = guid.startsWith(RECALL_CLOZE_GUID_PREFIX) ? guid.slice(RECALL_CLOZE_GUID_PREFIX.length).split(' ')[ordinal] : undefined;
	if (named) return named;
	return `anki-${guid}-${ordinal}`;
}

const ANKI_CARD_ID = /^anki-(.+)-(\d+)$/;

/** The Anki note guid and card ordinal an imported card's id holds (`anki-<guid>-<ord>`). */
export function ankiCardOf(cardId: string): { guid: string; ord: number } | undefined {
	const match = ANKI_CARD_ID.exec(cardId);
	return match ? { guid: match[1] as string, ord: Number(match[2]) } : undefined;
}
