/** The store's name, apart from schema.ts so that the Dexie-free reader (quick-read.ts) can use it; and the queue numbers it indexes. */

export const DB_NAME = 'recall';

export { Queue, type QueueValue } from '../srs/card-queue';
