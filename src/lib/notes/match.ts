/**
 * When a note is edited, a card whose question was reworded, or whose heading
 * was renamed, gets a new id. `matchCards` pairs such vanished cards with new
 * ones so that the storage layer can move their review history over.
 *
 * The measure: the Dice coefficient of the character bigrams of the two
 * normalised fronts (2·|A∩B| / (|A|+|B|), counting repeats), which works the
 * same for Korean, where a word is often one or two syllables, and English.
 * Both cards are always in the same deck and of the same kind. Pairs are made
 * in three rounds, each card at most once, best first within a round:
 *   1. under the same heading path, when the fronts are at least 0.6 similar,
 *      or at least 0.3 similar while the backs are identical (a question
 *      reworded around the same answer), or one front is the other with words
 *      added while the backs are identical (`TCP` spelled out as `TCP
 *      (Transmission Control Protocol)`);
 *   2. under different paths, when front and back are both unchanged: the
 *      card moved, or a heading above it was renamed;
 *   2b. a heading's own card (a list, steps or passage under a heading or
 *      bold label: rules `list`, `steps`, `section`), under the same path with
 *      the same back, whatever its front: the heading was renamed;
 *   3. under a path that round 2 shows was renamed (a heading of an old pair's
 *      path became another in its new one), by round 1's rule, so that the
 *      cards reworded along with the rename keep their history too; and the
 *      card of that renamed heading itself, when its list or passage is at
 *      least 0.6 similar (the Dice measure on the backs).
 */
// A dependency-free helper of the importers, shared rather than written twice.
import { groupBy } from '../io/group-by';
import { rewriteSoundTags } from '../io/sound-tags';
import type { Card } from './deck-format';
import { normalizeForId } from './text';

export const FRONT_SIMILARITY_THRESHOLD = 0.6;
export const FRONT_SIMILARITY_WITH_SAME_BACK = 0.3;

export interface CardMatch {
	/** The id that vanished. */
	from: string;
	/** The new card that inherits its history. */
	to: string;
	similarity: number;
}

export type MatchableCard = Pick<Card, 'id' | 'deck' | 'kind' | 'path' | 'front' | 'back'> & Partial<Pick<Card, 'rule'>>;

/** The rules whose card asks its heading or bold label (the list, steps or passage under it): renaming that heading rewords the front. */
const TITLE_RULES: ReadonlySet<string> = new Set(['list', 'steps', 'section']);
/** Of those, the ones whose front is the heading itself (a steps card's adds the wording of its question). */
const HEADING_FRONT_RULES: ReadonlySet<string> = new Set(['list', 'section']);

function bigrams(text: string): Map<string, number> {
	const normalized = normalizeForId(text).replace(/[\s\p{P}]+/gu, ' ');
	const counts = new Map<string, number>();
	const chars = [...normalized];
	if (chars.length === 1) counts.set(normalized, 1);
	for (let i = 0; i < chars.length - 1; i++) {
		const pair = (chars[i] as string) + (chars[i + 1] as string);
		counts.set(pair, (counts.get(pair) ?? 0) + 1);
	}
	return counts;
}

/** Dice coefficient of character bigrams, from 0 (nothing shared) to 1 (same). */
export function similarity(a: string, b: string): number {
	const left = bigrams(a);
	const right = bigrams(b);
	let total = 0;
	let shared = 0;
	for (const count of left.values()) total += count;
	for (const [pair, count] of right) {
		total += count;
		shared += Math.min(count, left.get(pair) ?? 0);
	}
	return total === 0 ? (normalizeForId(a) === normalizeForId(b) ? 1 : 0) : (2 * shared) / total;
}

/** A card's deck and heading path, as ids read them. */
function pathOf(card: MatchableCard): string[] {
	return [card.deck, ...card.path.map(normalizeForId)];
}

const key = (parts: readonly string[]) => parts.join('\u001f');

/** A card's deck, kind, front and back as ids read them: equal for a card that only moved. */
function contentKey(card: MatchableCard): string {
	return key([card.deck, card.kind, normalizeForId(card.front), normalizeForId(card.back)]);
}

/** A front's words (letters and digits), as ids read them. */
function wordsOf(text: string): string[] {
	return normalizeForId(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * Whether one front is the other with words added around it: a term spelled out (`TCP` → `TCP (Transmission
 * Control Protocol)`) or cut back again. A short term shares too few letter pairs with its longer form for the
 * Dice measure to see it.
 */
function extendsFront(a: string, b: string): boolean {
	const [short, long] = [wordsOf(a), wordsOf(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
	if (short.length === 0 || short.length === long.length) return false;
	for (let at = 0; at + short.length <= long.length; at++) if (short.every((word, index) => long[at + index] === word)) return true;
	return false;
}

/** Round 1's rule: a reworded front, or a front changed more around the same back (words added to it, say). */
function rewordedScore(old: MatchableCard, fresh: MatchableCard): number | undefined {
	const score = similarity(old.front, fresh.front);
	const sameBack = normalizeForId(old.back) === normalizeForId(fresh.back);
	if (score >= FRONT_SIMILARITY_THRESHOLD) return score;
	return sameBack && (score >= FRONT_SIMILARITY_WITH_SAME_BACK || extendsFront(old.front, fresh.front)) ? score : undefined;
}

/** A pair a round may make; `backs`, how alike the two backs are, decides between pairs of equal similarity. */
type Candidate = CardMatch & { backs?: number };

/**
 * The pairs of `candidates` taken best first, each card once, leaving out cards `used` already pairs. Of equally
 * similar fronts (a question asked twice, `bank: 은행` and `bank: 강둑`), the pair whose backs are alike goes first.
 */
function takeBestFirst(candidates: Candidate[], used: { from: Set<string>; to: Set<string> }): CardMatch[] {
	candidates.sort((a, b) => b.similarity - a.similarity || (b.backs ?? 0) - (a.backs ?? 0) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
	const taken: CardMatch[] = [];
	for (const { from, to, similarity } of candidates) {
		if (used.from.has(from) || used.to.has(to)) continue;
		used.from.add(from);
		used.to.add(to);
		taken.push({ from, to, similarity });
	}
	return taken;
}

/**
 * The renames a moved card shows: where its old path and its new one part,
 * the old path up to there (deck first) and the new one. Paths of the same
 * length that differ in one heading rename that heading for everything under
 * it; other moves say only that their whole path became the other.
 */
function renamesShown(old: readonly string[], fresh: readonly string[]): [string, string[]][] {
	const differing = old.length === fresh.length ? old.flatMap((part, index) => (part === fresh[index] ? [] : [index])) : [];
	if (differing.length === 1) {
		const at = differing[0] as number;
		return [[key(old.slice(0, at + 1)), fresh.slice(0, at + 1)]];
	}
	return [[key(old), [...fresh]]];
}

/** `path` with the longest renamed start of it replaced, or undefined when no rename covers it. */
function renamedPath(path: readonly string[], renames: ReadonlyMap<string, string[]>): string[] | undefined {
	for (let length = path.length; length > 0; length--) {
		const to = renames.get(key(path.slice(0, length)));
		if (to) return [...to, ...path.slice(length)];
	}
	return undefined;
}

/** A side without the sounds it plays (`[sound:…]`, a note's embedded recordings): they are no words of it. */
function sideWithoutSounds(side: string): string {
	return side.includes('[sound:') ? rewriteSoundTags(side, () => null).trimEnd() : side;
}

/** A card as it asks and answers, its question's sounds and its answer's left out. */
function withoutSounds(card: MatchableCard): MatchableCard {
	return card.front.includes('[sound:') || card.back.includes('[sound:') ? { ...card, front: sideWithoutSounds(card.front), back: sideWithoutSounds(card.back) } : card;
}

export function matchCards(previousCards: readonly MatchableCard[], nextCards: readonly MatchableCard[]): CardMatch[] {
	const [previous, next] = [previousCards.map(withoutSounds), nextCards.map(withoutSounds)];
	const nextIds = new Set(next.map((card) => card.id));
	const previousIds = new Set(previous.map((card) => card.id));
	const vanished = previous.filter((card) => !nextIds.has(card.id));
	const added = next.filter((card) => !previousIds.has(card.id));
	if (vanished.length === 0 || added.length === 0) return [];

	const addedByPath = groupBy(added, (card) => key([card.kind, ...pathOf(card)]));
	const addedUnder = (kind: string, path: readonly string[]) => addedByPath.get(key([kind, ...path])) ?? [];
	const used = { from: new Set<string>(), to: new Set<string>() };
	const byId = new Map(added.map((card) => [card.id, card]));

	// 1. Reworded under the same heading.
	const reworded = vanished.flatMap((old) =>
		addedUnder(old.kind, pathOf(old)).flatMap((fresh) => {
			const score = rewordedScore(old, fresh);
			return score === undefined ? [] : [{ from: old.id, to: fresh.id, similarity: score, backs: similarity(old.back, fresh.back) }];
		})
	);
	const matches = takeBestFirst(reworded, used);

	// 2. Unchanged, under another heading; the nearer path first.
	const unpaired = () => added.filter((card) => !used.to.has(card.id));
	const addedByContent = groupBy(unpaired(), contentKey);
	const moved = vanished
		.filter((old) => !used.from.has(old.id))
		.flatMap((old) =>
			(addedByContent.get(contentKey(old)) ?? []).map((fresh) => ({ from: old.id, to: fresh.id, similarity: similarity(old.path.join(' '), fresh.path.join(' ')) }))
		);
	const movedMatches = takeBestFirst(moved, used);
	for (const match of movedMatches) matches.push({ ...match, similarity: 1 });

	// 2b. A heading's own card, its heading renamed: the same list or passage under the same path.
	const titleKey = (card: MatchableCard) => key([card.rule ?? '', card.kind, ...pathOf(card), normalizeForId(card.back)]);
	const addedTitles = groupBy(
		unpaired().filter((card) => TITLE_RULES.has(card.rule ?? '')),
		titleKey
	);
	const retitled = vanished
		.filter((old) => !used.from.has(old.id) && TITLE_RULES.has(old.rule ?? ''))
		.flatMap((old) => (addedTitles.get(titleKey(old)) ?? []).map((fresh) => ({ from: old.id, to: fresh.id, similarity: similarity(old.front, fresh.front) })));
	matches.push(...takeBestFirst(retitled, used));

	// 3. Reworded under a renamed heading.
	const renames = new Map<string, string[]>();
	const previousById = new Map(vanished.map((card) => [card.id, card]));
	for (const match of movedMatches) {
		const old = previousById.get(match.from) as MatchableCard;
		for (const [from, to] of renamesShown(pathOf(old), pathOf(byId.get(match.to) as MatchableCard))) if (!renames.has(from)) renames.set(from, to);
	}
	const underRenamed = vanished
		.filter((old) => !used.from.has(old.id))
		.flatMap((old) => {
			const path = renamedPath(pathOf(old), renames);
			if (!path) return [];
			return addedUnder(old.kind, path).flatMap((fresh) => {
				const score = used.to.has(fresh.id) ? undefined : rewordedScore(old, fresh);
				return score === undefined ? [] : [{ from: old.id, to: fresh.id, similarity: score, backs: similarity(old.back, fresh.back) }];
			});
		});
	matches.push(...takeBestFirst(underRenamed, used));

	// 3b. The card of a heading round 2 shows renamed (its own path, the heading included, renamed), its list or passage much the same.
	const ownPath = (card: MatchableCard) => [...pathOf(card), normalizeForId(card.front)];
	const headingCards = (cards: readonly MatchableCard[]) => cards.filter((card) => HEADING_FRONT_RULES.has(card.rule ?? ''));
	const addedHeadings = groupBy(headingCards(unpaired()), (card) => key([card.rule ?? '', card.kind, ...ownPath(card)]));
	const renamedHeadings = headingCards(vanished)
		.filter((old) => !used.from.has(old.id))
		.flatMap((old) => {
			const path = renamedPath(ownPath(old), renames);
			if (!path) return [];
			return (addedHeadings.get(key([old.rule ?? '', old.kind, ...path])) ?? []).flatMap((fresh) => {
				const score = similarity(old.back, fresh.back);
				return score >= FRONT_SIMILARITY_THRESHOLD ? [{ from: old.id, to: fresh.id, similarity: score }] : [];
			});
		});
	matches.push(...takeBestFirst(renamedHeadings, used));
	return matches;
}

/**
 * Whether `next`, the cards of a deck new to the store, are the note that made
 * the stored deck whose live cards are `previous`, under a new title (a deck's
 * id is its title's): the pairs that hand each old card's history to its
 * successor when most of the old cards find one, else none (another note that
 * only shares the file's name). The merge moves the histories by it, and the
 * notes import looks for the old deck's stored images by the same verdict.
 */
export function retitledMatches(previous: readonly MatchableCard[], next: readonly MatchableCard[], deck: string): CardMatch[] {
	// matchCards pairs cards of one deck: the old deck's are compared as the new deck's.
	const matches = matchCards(
		previous.map((card) => ({ ...card, deck })),
		next
	);
	return previous.length > 0 && matches.length * 2 >= previous.length ? matches : [];
}
