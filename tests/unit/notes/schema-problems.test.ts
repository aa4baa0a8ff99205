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
