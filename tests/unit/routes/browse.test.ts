import { describe, expect, it } from 'vitest';
import { addressToWrite, browseHref, formatDate, PAGE_SIZE, pageOf, readBrowseParams } from '../../../src/routes/browse/browse';
import { historyLines } from '../../../src/routes/card/[id]/card-info';
import { formValues, readOptionsForm } from '../../../src/routes/deck/[id]/deck-options-form';
import '../../../src/lib/i18n/messages-cards';
import { formatMessage } from '../../../src/lib/i18n/format';
import { messages, type MessageKey } from '../../../src/lib/i18n/messages';
import { queryErrorMessage } from '../../../src/lib/i18n/query-errors';
import { parseQuery, QueryError, type QueryErrorCode } from '../../../src/lib/search/query';
import { SortedCards } from '../../../src/lib/search/sort';
import type { ReviewRow } from '../../../src/lib/srs/history';
import { NEW_CARD } from '../../../src/lib/srs/sm2';
import { DEFAULT_SETTINGS } from '../../../src/lib/db/settings';

const translate = (locale: 'en' | 'ko') => ({
	locale,
	t: (key: MessageKey) => messages[locale][key],
	format: (key: MessageKey, values: Record<string, string | number>) => formatMessage(locale, key, values)
});

describe('the browser’s address', () => {
	it('keeps the search, order and page, defaults left out, and reads them back', () => {
		const params = { q: 'deck:"AWS 기초" 리전', sort: 'due' as const, dir: 'desc' as const, page: 3 };
		const href = browseHref(params);
		expect(href.startsWith('/browse?q=')).toBe(true);
		expect(readBrowseParams(new URL(href, 'http://x').searchParams)).toEqual(params);
		expect(browseHref({ q: '', sort: 'added', dir: 'asc', page: 1 })).toBe('/browse');
		expect(readBrowseParams(new URLSearchParams('sort=nope&page=-2&dir=up'))).toEqual({ q: '', sort: 'added', dir: 'asc', page: 1 });
	});

	it('writes the address whenever it says another search, a return to the defaults included', () => {
		const at = (href: string) => new URL(href, 'http://x');
		const defaults = { q: '', sort: 'added' as const, dir: 'asc' as const, page: 1 };
		// Added (the default) after Lapses: the sort leaves the address.
		expect(addressToWrite(defaults, at('/browse?sort=lapses'))).toBe('/browse');
		expect(addressToWrite({ ...defaults, sort: 'lapses' }, at('/browse'))).toBe('/browse?sort=lapses');
		expect(addressToWrite(defaults, at('/browse?q=%EB%A6%AC%EC%A0%84'))).toBe('/browse');
		// The same search is not written again, whatever its encoding.
		expect(addressToWrite(defaults, at('/browse'))).toBeUndefined();
		expect(addressToWrite({ ...defaults, q: 'a b' }, at('/browse?q=a%20b'))).toBeUndefined();
		expect(addressToWrite({ ...defaults, q: 'a b', sort: 'due' }, at('/browse?sort=due&q=a+b'))).toBe('/browse?q=a+b&sort=due');
	});

	it('pages results, clamping a page past the end', () => {
		const items = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => i);
		expect(pageOf(items, 3)).toMatchObject({ page: 3, pages: 3, items: [100, 101, 102] });
		expect(pageOf(items, 9).page).toBe(3);
		expect(pageOf([], 2)).toEqual({ items: [], page: 1, pages: 1 });
		// Matches sorted as far as they are read: the page is sliced, nothing else.
		const cards = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ id: `c${i}`, deck: 'd', order: i, queue: 0, state: NEW_CARD, createdAt: 1000 - i }));
		expect(pageOf(new SortedCards(cards, 'added'), 1).items.map((card) => card.id)).toEqual(cards.slice(3).reverse().map((card) => card.id));
		expect(pageOf(new SortedCards(cards, 'added'), 2)).toMatchObject({ page: 2, pages: 2, items: cards.slice(0, 3).reverse() });
	});
});

describe('query errors in words', () => {
	it('has a Korean message for every code, and English is the parser’s own', () => {
		const samples: Record<QueryErrorCode, string> = {
			'unclosed-quote': '"big dog',
			'unclosed-paren': '(a or b',
			'unmatched-paren': 'a)',
			'empty-group': '()',
			'dangling-not': 'a -',
			'dangling-or': 'a or',
			'dangling-and': 'a and',
			'empty-phrase': '""',
			'empty-value': 'deck:',
			'unknown-state': 'is:old',
			'unknown-prop': 'prop:foo>1',
			'prop-comparison': 'prop:ivl',
			'prop-number': 'prop:ivl>a',
			'rated-days': 'rated:0',
			'added-days': 'added:x',
			'anki-only-key': 'flag:1'
		};
		for (const [code, query] of Object.entries(samples)) {
			let error: QueryError | undefined;
			try {
				parseQuery(query);
			} catch (caught) {
				error = caught as QueryError;
			}
			expect(error?.code, query).toBe(code);
			expect(queryErrorMessage('en', error!)).toBe(error!.message);
			const ko = queryErrorMessage('ko', error!);
			expect(ko, query).not.toMatch(/\{subject\}/);
			expect(ko).toMatch(/[가-힣]/);
		}
		expect(queryErrorMessage('ko', new QueryError('unknown-state', 0, 6, 'old'))).toContain('is:old');
		expect(queryErrorMessage('ko', new QueryError('unknown-prop', 0, 5))).toMatch(/^prop: 뒤에 속성이/);
		expect(queryErrorMessage('ko', new QueryError('empty-value', 0, 5, 'deck'))).toBe('deck: 뒤에 값이 있어야 합니다. 예: deck:AWS 또는 deck:"AWS 기초"');
	});
});

describe('card info', () => {
	const row = (fields: Partial<ReviewRow>): ReviewRow =>
		({ id: 'r', card: 'c', deck: 'd', reviewedAt: Date.UTC(2026, 10, 25, 3), day: 1, before: { state: NEW_CARD }, after: { state: { repetitions: 1, easiness: 2.6, interval: 1, extraReview: false }, dueDay: 2 }, ...fields }) as ReviewRow;

	it('writes answers and state rows for the history table, newest first', () => {
		const lines = historyLines(
			[
				row({ id: 'a', kind: 'new', grade: 4, durationMs: 4200 } as Partial<ReviewRow>),
				row({ id: 'b', kind: 'set', reason: 'reset', after: { state: NEW_CARD } } as Partial<ReviewRow>),
				row({ id: 'c', kind: 'set', reason: 'import' } as Partial<ReviewRow>)
			],
			'six',
			translate('en')
		);
		expect(lines.map(({ grade, interval, ef, time, kind }) => ({ grade, interval, ef, time, kind }))).toEqual([
			{ grade: 'Imported', interval: '1d', ef: '2.60', time: '', kind: 'import' },
			{ grade: 'Reset', interval: 'today', ef: '2.50', time: '', kind: 'reset' },
			{ grade: '4 · Correct, after hesitation', interval: '1d', ef: '2.60', time: '4.2 sec', kind: 'answer' }
		]);
		expect(historyLines([row({ kind: 'set', reason: 'reset' } as Partial<ReviewRow>)], 'four', translate('ko'))[0]?.grade).toBe('초기화');
	});

	it('writes a day in Korean as the Due line and the deck page do, not as 2026. 11. 25.', () => {
		const [line] = historyLines([row({ kind: 'new', grade: 4, durationMs: 1000 } as Partial<ReviewRow>)], 'four', translate('ko'));
		// In the machine's time zone, where the answer may fall on the 24th or the 26th.
		expect(line?.date).toMatch(/^2026년 11월 2[456]일 /);
		// Noon UTC is the 25th in every zone within 11 hours of it.
		expect(formatDate(Date.UTC(2026, 10, 25, 12), 'ko')).toBe('2026년 11월 25일');
		expect(formatDate(Date.UTC(2026, 10, 25, 12), 'en')).toBe('Nov 25, 2026');
	});

	it('names grades as the answer buttons do: Again / Hard / Good / Easy with four, SM-2’s six names otherwise', () => {
		const answers = ([0, 1, 2, 3, 4, 5] as const).map((grade) => row({ id: `g${grade}`, kind: 'review', grade, durationMs: 1000 } as Partial<ReviewRow>));
		// Back in the order answered (the table is newest first): grade 0 first.
		const grades = (buttons: 'four' | 'six', locale: 'en' | 'ko') => historyLines(answers, buttons, translate(locale)).map((line) => line.grade).reverse();
		// Four buttons never give 0 or 2: those keep their number and SM-2's meaning.
		expect(grades('four', 'en')).toEqual(['0 · Blackout', 'Again', '2 · Wrong, seemed easy', 'Hard', 'Good', 'Easy']);
		expect(grades('six', 'en')).toEqual([
			'0 · Blackout',
			'1 · Wrong, remembered on seeing',
			'2 · Wrong, seemed easy',
			'3 · Correct, with difficulty',
			'4 · Correct, after hesitation',
			'5 · Perfect'
		]);
		expect(grades('four', 'ko')).toEqual([`0 · ${messages.ko.grade0}`, '다시', `2 · ${messages.ko.grade2}`, messages.ko.gradeHard, messages.ko.gradeGood, '쉬움']);
		expect(grades('six', 'ko')[5]).toBe('5 · 완벽함');
	});
});

describe('the deck options form', () => {
	it('shows the global values for limits the deck does not set, and reads back what it says', () => {
		const values = formValues({ reviewsPerDay: 50, newOrder: 'random' }, DEFAULT_SETTINGS);
		expect(values).toEqual({
			ownNew: false,
			newPerDay: '20',
			ownReviews: true,
			reviewsPerDay: '50',
			order: 'random',
			siblings: 'global',
			reviewSiblings: 'global',
			ownLeech: false,
			leechThreshold: '8',
			leechAction: 'global'
		});
		expect(readOptionsForm(values)).toEqual({ ok: true, options: { reviewsPerDay: 50, newOrder: 'random' } });
		expect(readOptionsForm({ ...values, ownNew: true, newPerDay: ' 5 ' })).toEqual({ ok: true, options: { newPerDay: 5, reviewsPerDay: 50, newOrder: 'random' } });
		expect(readOptionsForm({ ...values, ownNew: true, newPerDay: '2.5' })).toEqual({ ok: false, field: 'newPerDay', min: 0, max: 9999 });
		// Full-width digits, as a Japanese or Korean keyboard types them, are digits here as in Settings.
		expect(readOptionsForm({ ...values, ownNew: true, newPerDay: '５', reviewsPerDay: '１２０' })).toEqual({ ok: true, options: { newPerDay: 5, reviewsPerDay: 120, newOrder: 'random' } });
		expect(readOptionsForm({ ...values, reviewsPerDay: '100000' })).toEqual({ ok: false, field: 'reviewsPerDay', min: 0, max: 99999 });
		expect(
			readOptionsForm({ ownNew: false, newPerDay: 'x', ownReviews: false, reviewsPerDay: '', order: 'global', siblings: 'global', reviewSiblings: 'global', ownLeech: false, leechThreshold: '', leechAction: 'global' })
		).toEqual({ ok: true, options: {} });
	});

	it('takes the deck’s own rule for new siblings, or the global setting', () => {
		expect(formValues({ buryNewSiblings: false }, DEFAULT_SETTINGS).siblings).toBe('same-day');
		expect(formValues({ buryNewSiblings: true }, DEFAULT_SETTINGS).siblings).toBe('wait');
		const following = formValues({}, DEFAULT_SETTINGS);
		expect(following.siblings).toBe('global');
		expect(readOptionsForm({ ...following, siblings: 'same-day' })).toEqual({ ok: true, options: { buryNewSiblings: false } });
		expect(readOptionsForm({ ...following, siblings: 'wait' })).toEqual({ ok: true, options: { buryNewSiblings: true } });
		expect(readOptionsForm(following)).toEqual({ ok: true, options: {} });
	});

	it('takes the deck’s own rule for due reviews that are siblings, apart from the new cards’ rule', () => {
		expect(formValues({ buryReviewSiblings: false }, DEFAULT_SETTINGS)).toMatchObject({ siblings: 'global', reviewSiblings: 'same-day' });
		expect(formValues({ buryReviewSiblings: true, buryNewSiblings: false }, DEFAULT_SETTINGS)).toMatchObject({ siblings: 'same-day', reviewSiblings: 'wait' });
		const following = formValues({}, DEFAULT_SETTINGS);
		expect(following.reviewSiblings).toBe('global');
		expect(readOptionsForm({ ...following, reviewSiblings: 'same-day' })).toEqual({ ok: true, options: { buryReviewSiblings: false } });
		expect(readOptionsForm({ ...following, reviewSiblings: 'wait', siblings: 'same-day' })).toEqual({ ok: true, options: { buryNewSiblings: false, buryReviewSiblings: true } });
	});

	it('takes a leech threshold from 1 to 99 and a leech action of the deck’s own', () => {
		const values = formValues({ leechThreshold: 5, leechAction: 'tag' }, DEFAULT_SETTINGS);
		expect(values).toMatchObject({ ownLeech: true, leechThreshold: '5', leechAction: 'tag' });
		expect(readOptionsForm(values)).toEqual({ ok: true, options: { leechThreshold: 5, leechAction: 'tag' } });
		expect(readOptionsForm({ ...values, leechThreshold: '1', leechAction: 'suspend' })).toEqual({ ok: true, options: { leechThreshold: 1, leechAction: 'suspend' } });
		expect(readOptionsForm({ ...values, leechThreshold: '0' })).toEqual({ ok: false, field: 'leechThreshold', min: 1, max: 99 });
		expect(readOptionsForm({ ...values, leechThreshold: '100' })).toEqual({ ok: false, field: 'leechThreshold', min: 1, max: 99 });
		// Following the global setting, the field shows the global threshold and is not read.
		const following = formValues({}, { ...DEFAULT_SETTINGS, leechThreshold: 12 });
		expect(following).toMatchObject({ ownLeech: false, leechThreshold: '12', leechAction: 'global' });
		expect(readOptionsForm({ ...following, leechThreshold: 'x' })).toEqual({ ok: true, options: {} });
	});
});