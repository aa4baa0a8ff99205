import { describe, expect, it } from 'vitest';
import { SiblingHold, siblingKeysOf } from '../../../src/lib/srs/siblings';

describe('siblingKeysOf', () => {
	it('is the card’s keys, and its cloze text’s for a cloze written in the app', () => {
		expect(siblingKeysOf({})).toEqual([]);
		expect(siblingKeysOf({ siblingKeys: ['a#1', 'a#2'] })).toEqual(['a#1', 'a#2']);
		expect(siblingKeysOf({ clozeSource: { id: 'T1' } })).toEqual(['cloze:T1']);
		expect(siblingKeysOf({ siblingKeys: ['a#1'], clozeSource: { id: 'T1' } })).toEqual(['a#1', 'cloze:T1']);
	});
});

describe('SiblingHold', () => {
	it('admits a card sharing no key with those taken, and takes its keys', () => {
		const hold = new SiblingHold(['studied']);
		expect(hold.admits(['studied'])).toBe(false);
		expect(hold.admits(['x', 'y'])).toBe(true);
		expect(hold.admits(['y'])).toBe(false);
		expect(hold.admits(['z'])).toBe(true);
		hold.take(['w']);
		expect(hold.admits(['w', 'v'])).toBe(false);
		// A card held takes no key: its other siblings may still come.
		expect(hold.admits(['v'])).toBe(true);
	});

	it('always admits a card without keys', () => {
		const hold = new SiblingHold();
		expect(hold.admits(undefined)).toBe(true);
		expect(hold.admits([])).toBe(true);
		expect(hold.admits([])).toBe(true);
	});
});
