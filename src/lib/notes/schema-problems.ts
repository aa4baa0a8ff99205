/**
 * What zod found wrong with a file, as data: where each problem is, what kind
 * it is, and zod's English. zod words its messages when it parses, in
 * English; kept as data, a problem can be said again in the learner's
 * language (i18n/notices/backup.ts) from its kind and values.
 */
import type { z } from 'zod';

/** What a file held where it broke the format, as a learner would name it. */
export type FoundValue = 'missing' | 'null' | 'text' | 'number' | 'true or false' | 'list' | 'object' | 'other';

interface ProblemPlace {
	/** The field's path, dot-separated (`reviews.3.grade`); '' for the file itself. */
	where: string;
	/** zod's English. */
	message: string;
}

export type SchemaProblem = ProblemPlace &
	(
		| { kind: 'type'; expected: string; found: FoundValue }
		| { kind: 'value'; allowed: string[] }
		| { kind: 'too-small' | 'too-big'; limit: number; of: 'text' | 'list' | 'number' | 'other'; inclusive: boolean }
		| { kind: 'keys'; keys: string[] }
		| { kind: 'other' }
	);

/** How many problems a message names: the first few are enough to find the rest. */
export const PROBLEMS_NAMED = 3;

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
	let value = json;
	for (const key of path) {
		if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function foundValue(value: unknown): FoundValue {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	switch (typeof value) {
		case 'string':
			return 'text';
		case 'number':
			return 'number';
		case 'boolean':
			return 'true or false';
		case 'object':
			return 'object';
		default:
			return 'other';
	}
}

function sizeOf(origin: string): 'text' | 'list' | 'number' | 'other' {
	if (origin === 'string') return 'text';
	if (origin === 'array' || origin === 'set') return 'list';
	if (origin === 'number' || origin === 'int' || origin === 'bigint') return 'number';
	return 'other';
}

/** The values a union of literals or a discriminated union allows, if that is what it is. */
function unionValues(issue: z.core.$ZodIssueInvalidUnion): string[] | undefined {
	const shown = (value: unknown) => JSON.stringify(value) ?? String(value);
	const options: unknown = (issue as { options?: unknown }).options;
	if (Array.isArray(options) && options.length > 0) return options.map(shown);
	const alternatives = issue.errors;
	if (alternatives.length === 0) return undefined;
	const values: string[] = [];
	for (const errors of alternatives) {
		const [only, ...more] = errors;
		if (!only || more.length > 0 || only.code !== 'invalid_value' || only.path.length > 0) return undefined;
		values.push(...only.values.map(shown));
	}
	return values;
}

/** The first problems of a failed parse of `json`, as data. */
export function schemaProblems(error: z.ZodError, json: unknown): SchemaProblem[] {
	return error.issues.slice(0, PROBLEMS_NAMED).map((issue): SchemaProblem => {
		const place = { where: issue.path.map(String).join('.'), message: issue.message };
		switch (issue.code) {
			case 'invalid_type':
				return { ...place, kind: 'type', expected: issue.expected, found: foundValue(valueAt(json, issue.path)) };
			case 'invalid_value':
				return { ...place, kind: 'value', allowed: issue.values.map((value) => JSON.stringify(value) ?? String(value)) };
			case 'too_small':
			case 'too_big': {
				const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
				return { ...place, kind: issue.code === 'too_small' ? 'too-small' : 'too-big', limit, of: sizeOf(issue.origin), inclusive: issue.inclusive ?? true };
			}
			case 'unrecognized_keys':
				return { ...place, kind: 'keys', keys: issue.keys };
			case 'invalid_union': {
				// A choice of values (a union of literals, a discriminator) is a value problem, whose values can be named.
				const allowed = unionValues(issue);
				return allowed ? { ...place, kind: 'value', allowed } : { ...place, kind: 'other' };
			}
			default:
				return { ...place, kind: 'other' };
		}
	});
}

/** The problems in English, as zod words them: `decks.0.cards: Invalid input: expected array, received string`. */
export function problemsInEnglish(problems: readonly SchemaProblem[]): string {
	return problems.map((problem) => `${problem.where || '(top level)'}: ${problem.message}`).join('; ');
}
