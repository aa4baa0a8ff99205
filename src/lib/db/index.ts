/**
 * The store's public surface: the app opens one database and goes through the
 * functions re-exported here; nothing else touches IndexedDB. The parts that
 * only some pages use are imported from their own modules by those pages, so
 * that the study screen (and every other page) does not download them: the
 * card browser's search (./search) and bulk actions (./bulk), the statistics
 * (./stats), exports (./exports, in the export worker) and the learner's own
 * decks and cards (./own-cards).
 */
import { RecallDatabase } from './schema';

export { answerCard, undoLastAction, cardHistory, StaleCardError, type AnswerInput, type UndoneAction } from './answers';
export { loadDeckView, type DeckView } from './deck-view';
export { buryCard, suspendCard } from './cards';
export { hasOverrides, limitsForDeck, normalizeDeckOptions, type DeckOptions } from '../srs/deck-options';
export { applyDeck, retireDeck, syncBuiltInDecks, type BuiltInDeckSource, type DeckSyncResult } from './decks';
export { applyImport, previewImport, type DeckChanges, type DeckImportSummary, type ImportPreview, type ImportResult } from './imports';
export { loadMedia, mediaNames, noteDecks } from './media';
export { loadStudiedToday, toSchedule } from './queue';
export { openSession, studyMore, studyMoreReviews } from './sessions';
export { loadDaySummary, NEW_CARDS_LEFT_COUNTED, type DaySummary } from './summary';
export { DEFAULT_SETTINGS, loadFact, loadSettings, normalizeSettings, saveFact, saveSettings, type GradeButtons, type LanguageSetting, type Settings, type ThemeSetting } from './settings';
export { Queue, RecallDatabase, type CardRecord, type DeckRecord, type MediaRecord, type ReviewRecord, type SessionRecord, type UndoStep } from './schema';

let instance: RecallDatabase | undefined;

/** The app's database, opened on first use. */
export function database(): RecallDatabase {
	instance ??= new RecallDatabase();
	return instance;
}
