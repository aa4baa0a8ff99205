// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_OLD_AFTER_DAYS, backupReminderAt, LAST_BACKUP_KEY, NO_BACKUP_AFTER_DAYS, readLastBackup, recordBackup, STUDYING_SINCE_KEY } from '../../../src/lib/app/backup-reminder';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 9);

afterEach(() => localStorage.clear());

describe('the backup reminder', () => {
	it('says nothing the first week of studying with no backup, then that none was made', () => {
		expect(backupReminderAt(NOW)).toBeUndefined();
		expect(localStorage.getItem(STUDYING_SINCE_KEY)).toBe(String(NOW));
		expect(backupReminderAt(NOW + (NO_BACKUP_AFTER_DAYS * DAY - 1))).toBeUndefined();
		expect(backupReminderAt(NOW + NO_BACKUP_AFTER_DAYS * DAY)).toEqual({ kind: 'never' });
		// The first session is remembered, not moved by later ones.
		expect(localStorage.getItem(STUDYING_SINCE_KEY)).toBe(String(NOW));
	});

	it('says nothing for two weeks after a backup, then how many days ago it was', () => {
		recordBackup(NOW);
		expect(readLastBackup()).toBe(NOW);
		expect(backupReminderAt(NOW + (BACKUP_OLD_AFTER_DAYS * DAY - 1))).toBeUndefined();
		expect(backupReminderAt(NOW + BACKUP_OLD_AFTER_DAYS * DAY)).toEqual({ kind: 'old', days: BACKUP_OLD_AFTER_DAYS });
		expect(backupReminderAt(NOW + 40.5 * DAY)).toEqual({ kind: 'old', days: 40 });
	});

	it('a backup ends a reminder that none was made', () => {
		backupReminderAt(NOW - 30 * DAY);
		expect(backupReminderAt(NOW)).toEqual({ kind: 'never' });
		recordBackup(NOW);
		expect(backupReminderAt(NOW + DAY)).toBeUndefined();
	});

	it('reads what it cannot understand as nothing kept, and a backup dated after now (a clock put back) as recent', () => {
		localStorage.setItem(LAST_BACKUP_KEY, 'yesterday');
		expect(readLastBackup()).toBeUndefined();
		localStorage.setItem(LAST_BACKUP_KEY, String(NOW + 3 * DAY));
		expect(backupReminderAt(NOW)).toBeUndefined();
	});
});
