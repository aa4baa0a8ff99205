/**
 * When this device last made a full backup, and whether the end of a study session should say so. Kept in
 * localStorage beside the other device-only hints: it is about this device, not the learner's data, so it stays out of
 * the store and of the backups themselves (a backup restored elsewhere says nothing about that device's copies).
 */
import { readHint, writeHint } from './first-paint-hints';

export const LAST_BACKUP_KEY = 'recall:last-backup';
/** When this device first showed the end of a study session with no backup made: a first day is not yet worth a reminder. */
export const STUDYING_SINCE_KEY = 'recall:studying-since';

/** Days after a backup before the end of a session says it is old: two weeks of reviews are worth a file. */
export const BACKUP_OLD_AFTER_DAYS = 14;
/** Days of studying with no backup before the end of a session says so. */
export const NO_BACKUP_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;

export type BackupReminder = { kind: 'never' } | { kind: 'old'; days: number };

/** The time of this device's last full backup, if it made one. */
export function readLastBackup(): number | undefined {
	return timeOf(readHint(LAST_BACKUP_KEY));
}

/** A full backup was saved (downloaded, or handed to the share sheet) at `at`. */
export function recordBackup(at: number): void {
	writeHint(LAST_BACKUP_KEY, String(at));
}

/**
 * What the end of a session at `now` should say about backups, if anything: a backup older than
 * BACKUP_OLD_AFTER_DAYS, or none after NO_BACKUP_AFTER_DAYS of sessions on this device (counted from the first one
 * that ended with none, which this call remembers).
 */
export function backupReminderAt(now: number): BackupReminder | undefined {
	const last = readLastBackup();
	if (last !== undefined) {
		const days = Math.floor((now - last) / DAY_MS);
		return days >= BACKUP_OLD_AFTER_DAYS ? { kind: 'old', days } : undefined;
	}
	const since = timeOf(readHint(STUDYING_SINCE_KEY));
	if (since === undefined) {
		writeHint(STUDYING_SINCE_KEY, String(now));
		return undefined;
	}
	return now - since >= NO_BACKUP_AFTER_DAYS * DAY_MS ? { kind: 'never' } : undefined;
}

function timeOf(kept: string | undefined): number | undefined {
	const time = Number(kept);
	return kept !== undefined && Number.isFinite(time) && time > 0 ? time : undefined;
}
