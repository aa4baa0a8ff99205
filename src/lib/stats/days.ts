/** Argument checks shared by the statistics: study days and windows of days are whole numbers. */

export function assertStudyDay(day: number, what: string): void {
	if (!Number.isInteger(day)) throw new RangeError(`${what}: not a study day: ${day}`);
}

/** A number of days: a whole number from 1 to `max`. */
export function assertWindow(days: number, max: number, what: string): void {
	if (!Number.isInteger(days) || days < 1 || days > max) {
		throw new RangeError(`${what}: a number of days must be a whole number from 1 to ${max}, got ${days}`);
	}
}
