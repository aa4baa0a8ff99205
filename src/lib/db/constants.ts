/** The store's name, apart from schema.ts so that the Dexie-free reader (quick-read.ts) can use it; and the queue numbers it indexes. */

export const DB_NAME = 'recall';

/** The settings table's record of the learner's settings (the table's other records are facts about the device). */
export const SETTINGS_KEY = 'settings';

export { Queue, type QueueValue } from '../srs/card-queue';
