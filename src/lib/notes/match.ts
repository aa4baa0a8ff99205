/**
 * When a note is edited, a card whose question was reworded gets a new id.
 * `matchCards` pairs such vanished cards with new ones so that the storage
 * layer can move their review history over.
 *
 * The measure: the Dice coefficient of the character bigrams of the two
 * normalised fronts (2·|A∩B| / (|A|+|B|), counting repeats), which works the
 * same for Korean, where a word is often one or two syllables, and English.
 * A pair is made when
 *   - both cards are in the same deck, of the same kind, under the same
 *     heading path, and
 *   - the fronts are at least 0.6 similar, or at least 0.3 similar while the
 *     backs are identical (a question reworded around the same answer).
 * Pairs are taken best first, each card at most once.
 */
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

export type MatchableCard = Pick<Card, 'id' | 'deck' | 'kind' | 'path' | 'front' | 'back'>;

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

function groupKey(card: MatchableCard): string {
	return [card.deck, card.kind, ...card.path.map(normalizeForId)].join('\u001f');
}

export function matchCards(previous: readonly MatchableCard[], next: readonly MatchableCard[]): CardMatch[] {
	const nextIds = new Set(next.map((card) => card.id));
	const previousIds = new Set(previous.map((card) => card.id));
	const vanished = previous.filter((card) => !nextIds.has(card.id));
	const added = next.filter((card) => !previousIds.has(card.id));
	if (vanished.length === 0 || added.length === 0) return [];

	const addedByGroup = new Map<string, MatchableCard[]>();
	for (const card of added) {
		const key = groupKey(card);
		addedByGroup.set(key, [...(addedByGroup.get(key) ?? []), card]);
	}

	const candidates: CardMatch[] = [];
	for (const old of vanished) {
		for (const fresh of addedByGroup.get(groupKey(old)) ?? []) {
			const score = similarity(old.front, fresh.front);
			const sameBack = normalizeForId(old.back) === normalizeForId(fresh.back);
			if (score >= FRONT_SIMILARITY_THRESHOLD || (sameBack && score >= FRONT_SIMILARITY_WITH_SAME_BACK)) {
				candidates.push({ from: old.id, to: fresh.id, similarity: score });
			}
		}
	}
	candidates.sort((a, b) => b.similarity - a.similarity || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));

	const usedFrom = new Set<string>();
	const usedTo = new Set<string>();
	const matches: CardMatch[] = [];
	for (const candidate of candidates) {
		if (usedFrom.has(candidate.from) || usedTo.has(candidate.to)) continue;
		usedFrom.add(candidate.from);
		usedTo.add(candidate.to);
		matches.push(candidate);
	}
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
