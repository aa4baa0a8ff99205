/**
 * The card browser's query errors in the learner's language: English is the
 * parser's own message (src/lib/search/query.ts), Korean is written here for
 * each QueryError code (docs/search.md, "Errors"). Apart from messages.ts so
 * that only the browser's page loads them.
 */
import { keyExample, type QueryErrorCode } from '../search/query';
import type { Locale } from './locale';

/** What each QueryError code says in Korean; `{subject}` is the key, state or property at fault (docs/search.md, "Errors"). */
const QUERY_ERRORS_KO: Record<QueryErrorCode, string> = {
	'unclosed-quote': '따옴표가 닫히지 않았습니다. 닫는 "를 넣으세요.',
	'unclosed-paren': '"("가 닫히지 않았습니다. ")"를 넣으세요.',
	'unmatched-paren': '")" 앞에 짝이 되는 "("가 없습니다.',
	'empty-group': '"()" 안이 비어 있습니다. 조건을 넣거나 지우세요.',
	'dangling-not': '"-" 바로 뒤에 조건이 있어야 합니다. 예: -tag:done',
	'dangling-or': '"or" 양쪽에 조건이 있어야 합니다. 예: tag:a or tag:b',
	'dangling-and': '"and" 양쪽에 조건이 있어야 합니다. 예: tag:a and tag:b',
	'empty-phrase': '"" 안이 비어 있습니다. 따옴표 사이에 찾을 말을 넣으세요.',
	'empty-value': '{subject}: 뒤에 값이 있어야 합니다. 예: {example}',
	'unknown-state': 'is:{subject}는 카드 상태가 아닙니다. is:new, due, learning, review, suspended, retired, buried 중 하나를 쓰세요.',
	'unknown-prop': 'prop: 뒤의 "{subject}"는 속성이 아닙니다. ivl, ef, reps, lapses, due 중 하나를 쓰세요. 예: prop:ivl>10',
	'prop-comparison': 'prop:{subject} 뒤에 비교(< <= > >= = !=)와 숫자가 있어야 합니다. 예: prop:{subject}>10',
	'prop-number': 'prop:{subject} 뒤에 숫자가 있어야 합니다. 예: prop:{subject}>10',
	'rated-days': 'rated: 뒤에는 1 이상의 정수(일 수)가 와야 합니다. 예: rated:7 (최근 7일 동안 답한 카드)',
	'added-days': 'added: 뒤에는 1 이상의 정수(일 수)가 와야 합니다. 예: added:7 (최근 7일 동안 추가한 카드)',
	'anki-only-key': '{subject}:는 Recall에 없는 Anki 검색입니다. deck:, tag:, is:, prop:, rated:, added:, front:, back:로 찾을 수 있습니다.'
};

/** A query error in the learner's language: the parser's own English message, or the Korean one for its code. */
export function queryErrorMessage(locale: Locale, error: { code: QueryErrorCode; subject: string; message: string }): string {
	if (locale === 'en') return error.message;
	if (error.code === 'unknown-prop' && error.subject === '') return 'prop: 뒤에 속성이 있어야 합니다. ivl, ef, reps, lapses, due 중 하나를 쓰세요. 예: prop:ivl>10';
	return QUERY_ERRORS_KO[error.code].replaceAll('{subject}', error.subject).replaceAll('{example}', keyExample(error.subject, '또는'));
}
