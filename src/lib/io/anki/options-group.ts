/**
 * An Anki options group (an entry of the collection's `dconf`) and the deck options it stands for: how the export
 * writes a deck's options as one, and how the import reads one back, in Anki's codes that both share.
 */
import type { DeckOptionsMeta } from '../bundle';

/** The Default options group, which every collection has (the Default deck's). */
export const DEFAULT_CONF_ID = 1;

/** A deck's options as an Anki options group holds them; each absent: Anki's default (the Default group's). */
export interface OptionsGroup extends DeckOptionsMeta {
	id: number;
	name: string;
	/**
	 * The options the Recall deck sets itself (the rest above are the global settings it follows): kept beside
	 * Anki's keys, which Anki carries along, so that Recall reads back the deck's own and no more.
	 */
	recallOptions?: DeckOptionsMeta;
}

/** Anki's `new.order`: new cards at random, or in the order they were added. */
export const NEW_CARDS_RANDOM = 0;
export const NEW_CARDS_DUE = 1;
/** Anki's `lapse.leechAction`. */
const LEECH_SUSPEND = 0;
const LEECH_TAG_ONLY = 1;

/** The group as `dconf` holds it: Anki's keys, its defaults for what the group leaves out, and the Recall deck's own options beside them. */
export function optionsGroupJson(group: OptionsGroup, mod: number) {
	return {
		id: group.id,
		mod,
		name: group.name,
		usn: group.id === DEFAULT_CONF_ID ? 0 : -1,
		maxTaken: 60,
		autoplay: true,
		timer: 0,
		replayq: true,
		dyn: false,
		new: {
			bury: group.buryNewSiblings ?? false,
			delays: [1, 10],
			initialFactor: 2500,
			ints: [1, 4, 0],
			order: group.newOrder === 'random' ? NEW_CARDS_RANDOM : NEW_CARDS_DUE,
			perDay: group.newPerDay ?? 20
		},
		rev: { bury: group.buryReviewSiblings ?? false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: group.reviewsPerDay ?? 200, hardFactor: 1.2 },
		lapse: { delays: [10], leechAction: group.leechAction === 'suspend' ? LEECH_SUSPEND : LEECH_TAG_ONLY, leechFails: group.leechThreshold ?? 8, minInt: 1, mult: 0 },
		...(group.recallOptions && { recallOptions: group.recallOptions })
	};
}

/**
 * An options group as the deck options it stands for: the ones a Recall deck set itself, where Recall wrote the
 * group (`recallOptions`); else Anki's keys, its codes read as Recall's options.
 */
export function optionsOfGroup(json: Record<string, unknown>): DeckOptionsMeta {
	const part = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
	const whole = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
	const flag = (value: unknown) => (typeof value === 'boolean' ? value : undefined);
	const own = json.recallOptions === undefined ? undefined : part(json.recallOptions);
	const [fresh, rev, lapse] = [part(json.new), part(json.rev), part(json.lapse)];
	const read: DeckOptionsMeta = own
		? {
				newPerDay: whole(own.newPerDay),
				reviewsPerDay: whole(own.reviewsPerDay),
				newOrder: own.newOrder === 'random' || own.newOrder === 'note' ? own.newOrder : undefined,
				buryNewSiblings: flag(own.buryNewSiblings),
				buryReviewSiblings: flag(own.buryReviewSiblings),
				leechThreshold: whole(own.leechThreshold),
				leechAction: own.leechAction === 'suspend' || own.leechAction === 'tag' ? own.leechAction : undefined
			}
		: {
				newPerDay: whole(fresh.perDay),
				reviewsPerDay: whole(rev.perDay),
				newOrder: fresh.order === NEW_CARDS_RANDOM ? 'random' : fresh.order === NEW_CARDS_DUE ? 'note' : undefined,
				buryNewSiblings: flag(fresh.bury),
				buryReviewSiblings: flag(rev.bury),
				leechThreshold: whole(lapse.leechFails),
				leechAction: lapse.leechAction === LEECH_SUSPEND ? 'suspend' : lapse.leechAction === LEECH_TAG_ONLY ? 'tag' : undefined
			};
	return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined)) as DeckOptionsMeta;
}
