/**
 * Anki's options groups as the latest collections keep them (schema 15 and later): a row of the `deck_config`
 * table whose `config` is a protobuf DeckConfig.Config (proto/anki/deck_config.proto). Each is read as the
 * schema-11 JSON Anki itself turns it back into, so that one reading of a group (optionsOfGroup) serves both
 * layouts and a group means the same deck options whichever layout carried it.
 */
import type { DeckOptionsMeta } from '../bundle';
import { NEW_CARDS_DUE, NEW_CARDS_RANDOM, optionsOfGroup } from './options-group';
import { decodeMessage, numberField, ProtobufError, type ProtoMessage } from './protobuf';

/** DeckConfig.Config's fields that Recall has options for. */
const NEW_PER_DAY = 9;
const REVIEWS_PER_DAY = 10;
/** NewCardInsertOrder: 0 due (the order added), 1 random; schema 11 numbers them the other way round. */
const NEW_CARD_INSERT_ORDER = 20;
const INSERT_ORDER_RANDOM = 1;
/** LeechAction: 0 suspend, 1 tag only, as schema 11 numbers them. */
const LEECH_ACTION = 21;
const LEECH_THRESHOLD = 22;
const BURY_NEW = 27;
const BURY_REVIEWS = 28;
/** The schema-11 keys the message has no field for, as JSON: where Anki keeps the `recallOptions` of a group Recall wrote (export-collection.ts). */
const OTHER = 255;

/** The `recallOptions` Anki carried along in `other` (JSON), if there are any. */
function recallOptionsOf(message: ProtoMessage): unknown {
	const bytes = message.get(OTHER)?.at(-1);
	if (!(bytes instanceof Uint8Array) || bytes.length === 0) return undefined;
	try {
		const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return typeof json === 'object' && json !== null ? (json as Record<string, unknown>).recallOptions : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A group's `config` as deck options. Absent fields are protobuf's zero, as Anki reads them (Anki leaves out a
 * zero: a limit of 0 new cards a day is no field at all). Undefined for a message that cannot be read: options
 * are a deck's to keep, and a damaged group costs them, not the import (as a damaged `dconf` does).
 */
export function optionsOfConfig(config: Uint8Array): DeckOptionsMeta | undefined {
	let message: ProtoMessage;
	try {
		message = decodeMessage(config);
	} catch (error) {
		if (error instanceof ProtobufError) return undefined;
		throw error;
	}
	const recallOptions = recallOptionsOf(message);
	return optionsOfGroup({
		...(recallOptions !== undefined && { recallOptions }),
		new: {
			perDay: numberField(message, NEW_PER_DAY),
			order: numberField(message, NEW_CARD_INSERT_ORDER) === INSERT_ORDER_RANDOM ? NEW_CARDS_RANDOM : NEW_CARDS_DUE,
			bury: numberField(message, BURY_NEW) !== 0
		},
		rev: { perDay: numberField(message, REVIEWS_PER_DAY), bury: numberField(message, BURY_REVIEWS) !== 0 },
		lapse: { leechFails: numberField(message, LEECH_THRESHOLD), leechAction: numberField(message, LEECH_ACTION) }
	});
}
