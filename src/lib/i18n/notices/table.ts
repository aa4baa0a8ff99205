/** The Korean of io/notices/table.ts. */
import type { Translation } from '../notice';
import type { tableNotices } from '../../io/notices/table';

export const tableNoticesKo: Translation<typeof tableNotices> = {
};
