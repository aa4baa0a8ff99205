import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { PROBLEMS_NAMED, problemsInEnglish, schemaProblems } from '../../../src/lib/notes/schema-problems';

const schema = z.strictObject({
	name: z.string().min(1),
	grade: z.number().int().max(5),
	kind: z.enum(['new', 'review']),
	tags: z.array(z.string()),
	format: z.literal('recall-deck')
});

function problemsOf(json: unknown) {
	const result = schema.safeParse(json);
	if (result.success) throw new Error('parsed');
	return schemaProblems(result.error, json);
}

describe('schemaProblems', () => {
	it('says each of zod’s problems as data: its place, kind and values, and zod’s English', () => {
		expect(problemsOf({ name: '', grade: 7, kind: 'old', tags: 'a', format: 'recall-deck' })).toEqual([
			{ where: 'name', message: expect.stringMatching(/^Too small/), kind: 'too-small', limit: 1, of: 'text', inclusive: true },
			{ where: 'grade', message: expect.stringMatching(/^Too big/), kind: 'too-big', limit: 5, of: 'number', inclusive: true },
			{ where: 'kind', message: expect.any(String), kind: 'value', allowed: ['"new"', '"review"'] }
		]);
		expect(problemsOf({ name: 'x', grade: 1, kind: 'new', tags: ['a', 3], format: 'recall-deck', extra: true })).toEqual([
			{ where: 'tags.1', message: 'Invalid input: expected string, received number', kind: 'type', expected: 'string', found: 'number' },
			{ where: '', message: expect.stringContaining('extra'), kind: 'keys', keys: ['extra'] }
		]);
	});

	it('says the values a union of literals or a discriminated union allows', () => {
		const union = z.object({
			grade: z.union([z.literal(0), z.literal(1)]),
			row: z.discriminatedUnion('kind', [z.object({ kind: z.literal('new') }), z.object({ kind: z.literal('set') })]),
			either: z.union([z.string(), z.number()])
		});
		const json = { grade: 7, row: { kind: 'old' }, either: null };
		const result = union.safeParse(json);
		expect(result.success).toBe(false);
		const problems = schemaProblems(result.error!, json).map(({ message: _message, ...problem }) => problem);
		expect(problems).toEqual([
			{ where: 'grade', kind: 'value', allowed: ['0', '1'] },
			{ where: 'row.kind', kind: 'value', allowed: ['"new"', '"set"'] },
			{ where: 'either', kind: 'other' }
		]);
	});

	it('names what was found where a type was expected, a missing field included', () => {
		const found = problemsOf({ grade: null, kind: 'new', tags: {}, format: 'recall-deck' }).map((problem) => (problem.kind === 'type' ? [problem.where, problem.found] : problem.kind));
		expect(found).toEqual([
			['name', 'missing'],
			['grade', 'null'],
			['tags', 'object']
		]);
	});

	it('names the first few problems only, in English as zod words them', () => {
		const problems = problemsOf({});
		expect(problems).toHaveLength(PROBLEMS_NAMED);
		expect(problemsInEnglish(problems)).toBe(problems.map((problem) => `${problem.where}: ${problem.message}`).join('; '));
		expect(problemsInEnglish(problemsOf('text'))).toBe('(top level): Invalid input: expected object, received string');
	});
});
