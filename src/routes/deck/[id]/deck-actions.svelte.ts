/**
 * The deck page's actions on the deck itself: rename, delete and restore. Each
 * writes through $lib/db, then has the page read the deck again; what happened
 * is kept as data (`DeckNotice`) and worded when shown, so that it follows a
 * language switch. Focus is the page's business: the methods say whether
 * they are done, the page moves focus where the learner carries on.
 */
import { failureMessage } from '$lib/i18n/failure';
import { trackWrite } from '$lib/app/pending-writes';
import type { DeletedCard } from '$lib/db/bulk';
import { deleteDeck, restoreDeck } from '$lib/db/deck-removal';
import { DeckNameError, MAX_DECK_NAME, renameDeck, type DeckNameProblem } from '$lib/db/deck-rename';
import type { RecallDatabase } from '$lib/db/schema';
import type { i18n } from '$lib/i18n/i18n.svelte';

type Words = Pick<typeof i18n, 't' | 'format' | 'count'>;

export type DeckNotice = { kind: 'deleted' } | { kind: 'renamed' } | { kind: 'restored'; count: number } | { kind: 'failed'; message: string };

export interface DeckActionsOptions {
	db: RecallDatabase;
	/** The deck shown now (the page's data changes after each action). */
	deck: () => { id: string; name: string };
	/** Has the page read its deck again. */
	reload: () => Promise<void>;
}

export class DeckActions {
	busy = $state(false);
	notice = $state<DeckNotice>();
	/** The rename form is open, with the name being written. */
	renaming = $state(false);
	newName = $state('');
	nameProblem = $state<DeckNameProblem>();

	readonly #options: DeckActionsOptions;
	/** How the cards deleted from this page stood, so that Restore puts them back exactly. */
	#deletedHere: { deck: string; cards: DeletedCard[] } | undefined;

	constructor(options: DeckActionsOptions) {
		this.#options = options;
	}

	async remove(): Promise<void> {
		const { id } = this.#options.deck();
		await this.#act(async () => {
			this.#deletedHere = { deck: id, cards: await deleteDeck(this.#options.db, id) };
			return { kind: 'deleted' };
		});
	}

	async restore(): Promise<void> {
		const { id } = this.#options.deck();
		await this.#act(async () => {
			const stood = this.#deletedHere?.deck === id ? this.#deletedHere.cards : [];
			return { kind: 'restored', count: await restoreDeck(this.#options.db, id, stood) };
		});
	}

	startRename(): void {
		this.newName = this.#options.deck().name;
		this.nameProblem = undefined;
		this.renaming = true;
	}

	stopRename(): void {
		this.renaming = false;
	}

	/** Saves the name written; false when it is refused (`nameProblem` says why) or the write failed. */
	async saveName(): Promise<boolean> {
		const { id, name } = this.#options.deck();
		this.nameProblem = undefined;
		this.busy = true;
		try {
			const renamed = await trackWrite(renameDeck(this.#options.db, id, this.newName));
			if (renamed.name !== name) this.notice = { kind: 'renamed' };
			await this.#options.reload();
			this.renaming = false;
			return true;
		} catch (error) {
			if (error instanceof DeckNameError) this.nameProblem = error.problem;
			else this.notice = failed(error);
			return false;
		} finally {
			this.busy = false;
		}
	}

	async #act(action: () => Promise<DeckNotice>): Promise<void> {
		this.busy = true;
		try {
			this.notice = await trackWrite(action());
			await this.#options.reload();
		} catch (error) {
			this.notice = failed(error);
		} finally {
			this.busy = false;
		}
	}
}

function failed(error: unknown): DeckNotice {
	return { kind: 'failed', message: failureMessage(error) };
}

export function deckNoticeText(words: Words, notice: DeckNotice): string {
	if (notice.kind === 'deleted') return words.t('deckDeletedDone');
	if (notice.kind === 'renamed') return words.t('deckRenamed');
	if (notice.kind === 'restored') return words.count('deckRestored', notice.count);
	return words.format('browseActionFailed', { message: notice.message });
}

export function deckNameProblemText(words: Words, problem: DeckNameProblem): string {
	if (problem === 'blank') return words.t('deckNameBlank');
	if (problem === 'too-long') return words.format('deckNameTooLong', { max: MAX_DECK_NAME });
	return words.t('deckNameTaken');
}
