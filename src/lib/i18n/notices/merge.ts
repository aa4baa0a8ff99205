/** The Korean of io/notices/merge.ts. */
import type { Translation } from '../notice';
import type { mergeNotices } from '../../io/notices/merge';

export const mergeNoticesKo: Translation<typeof mergeNotices> = {
};
