import { describe, expect, it } from 'vitest';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { scopeFromParam, studyPath } from '../../../src/lib/app/study-scope';

describe('study scopes in URLs', () => {
	it('reads `all` as every deck and anything else as a deck id', () => {
		expect(scopeFromParam('all')).toBe(ALL_DECKS);
		expect(scopeFromParam('aws-기초')).toBe('aws-기초');
	});

	it('links to a deck’s session and to every deck’s, and back', () => {
		expect(studyPath(ALL_DECKS)).toBe('/study/all');
		expect(studyPath('aws-기초')).toBe(`/study/${encodeURIComponent('aws-기초')}`);
		expect(scopeFromParam(decodeURIComponent(studyPath('a/b').slice('/study/'.length)))).toBe('a/b');
	});
});
