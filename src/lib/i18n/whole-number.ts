/**
 * A whole number within `limits`, or undefined. Full-width digits (typed with a
 * Korean or Japanese keyboard) count as digits; signs, decimals, exponents and
 * separators do not, since none of the numbers typed in the app's forms can have them.
 */
export function parseWholeNumber(text: string, limits: { min: number; max: number }): number | undefined {
	const digits = text.normalize('NFKC').trim();
	if (!/^\d{1,6}$/.test(digits)) return undefined;
	const value = Number(digits);
	return value >= limits.min && value <= limits.max ? value : undefined;
}
