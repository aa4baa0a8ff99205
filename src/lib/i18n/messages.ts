/**
 * The app's UI strings. Every locale has every key: the type makes a missing one a type error.
 * `{name}` is a placeholder (`i18n.format`); a key ending in `_one` or `_other` is one form of a
 * counted string (`i18n.count`), chosen by the locale's plural rules.
 *
 * The strings every page needs are here; those of pages off the first page's path (studying,
 * import and export, statistics, the card browser and card management, settings) and of the
 * app's notices are in bundles that add themselves when the code that uses them loads
 * (`import '$lib/i18n/messages-import'`), so the home page does not download them. Their keys
 * are still in `MessageKey`, through type-only imports.
 */
import type { CardRule } from '../notes/deck-format';
import type { Locale } from './locale';
import type { cardsMessages } from './messages-cards';
import type { importMessages } from './messages-import';
import { homeMessages } from './messages-home';
import type { settingsMessages } from './messages-settings';
import type { statsMessages } from './messages-stats';
import type { studyMessages } from './messages-study';
import type { updatesMessages } from './messages-updates';

const base = {
	appName: 'Recall',
	tagline: 'Spaced repetition for the notes you write yourself.',
	skipToContent: 'Skip to content',
	navHome: 'Home',
	decksHeading: 'Decks',
	noDecks: 'No decks yet.',
	homeNewDeck: 'New deck',
	aboutScheduler: 'Cards are scheduled with SuperMemo’s SM-2 algorithm. Everything stays on this device.',
	notFoundHeading: 'Page not found',
	notFoundText: 'There is no page at this address.',
	errorHeading: 'Something went wrong',
	backHome: 'Back to your decks',
	// Said inside other messages ("could not be saved ({message})"), in place of the browser's own words.
	storageFull: 'this device’s storage is full: free some space, then try again',
	cards_one: '{count} card',
	cards_other: '{count} cards',
	deckEmpty: 'This deck has no cards yet.',
	cardLabel: 'Card {number}',
	cardFront: 'Front',
	cardBack: 'Back',
	cardImage: 'image',
	cardSoundPlay: 'Play sound',
	cardSoundMissing: 'Sound not available',
	cardRule: 'Rule',
	cardSource: 'Source',
	cardLine: 'line {line}',
	/** An Anki package's card: its note's place among the package's notes (io/card-source.ts). */
	cardNote: 'note {line}'
};

const en = { ...base, ...homeMessages.en };

/** The keys of the bundles that add themselves when the code using them loads. */
type LazyKey =
	| keyof (typeof importMessages)['en']
	| keyof (typeof statsMessages)['en']
	| keyof (typeof cardsMessages)['en']
	| keyof (typeof settingsMessages)['en']
	| keyof (typeof studyMessages)['en']
	| keyof (typeof updatesMessages)['en'];

export type MessageKey = keyof typeof en | LazyKey;

const baseKo: Record<keyof typeof base, string> = {
	appName: 'Recall',
	tagline: '직접 쓴 노트로 하는 간격 반복 학습.',
	skipToContent: '본문으로 건너뛰기',
	navHome: '홈',
	decksHeading: '덱',
	noDecks: '아직 덱이 없습니다.',
	homeNewDeck: '새 덱',
	aboutScheduler: '카드는 SuperMemo의 SM-2 알고리즘으로 일정이 정해집니다. 모든 데이터는 이 기기에만 저장됩니다.',
	notFoundHeading: '페이지를 찾을 수 없습니다',
	notFoundText: '이 주소에는 페이지가 없습니다.',
	errorHeading: '문제가 발생했습니다',
	backHome: '덱 목록으로 돌아가기',
	storageFull: '이 기기의 저장 공간이 가득 찼습니다. 공간을 비운 뒤 다시 시도해 주세요',
	cards_one: '카드 {count}장',
	cards_other: '카드 {count}장',
	deckEmpty: '이 덱에는 아직 카드가 없습니다.',
	cardLabel: '카드 {number}',
	cardFront: '앞면',
	cardBack: '뒷면',
	cardImage: '이미지',
	cardSoundPlay: '소리 재생',
	cardSoundMissing: '소리를 쓸 수 없음',
	cardRule: '규칙',
	cardSource: '출처',
	cardLine: '{line}행',
	cardNote: '{line}번째 노트'
};

/** Complete once the bundles a page imports have added themselves (`addMessages`). */
export const messages: Record<Locale, Record<MessageKey, string>> = {
	en: en as Record<MessageKey, string>,
	ko: { ...baseKo, ...homeMessages.ko } as Record<MessageKey, string>
};

/** A page's bundle of strings, in both languages, added when the page's code loads. */
export function addMessages<T extends Record<string, string>>(bundle: { en: T; ko: Record<keyof T, string> }): void {
	Object.assign(messages.en, bundle.en);
	Object.assign(messages.ko, bundle.ko);
}

/** The names of the rules that make cards, as the deck page shows them. */
export const ruleNames: Record<Locale, Record<CardRule, string>> = {
	en: {
		definition: 'definition',
		list: 'list',
		steps: 'steps',
		section: 'section',
		table: 'table row',
		emphasis: 'emphasis',
		qa: 'question and answer',
		'qa-reversed': 'question and answer, reversed',
		multiline: 'multi-line',
		'multiline-reversed': 'multi-line, reversed',
		cloze: 'cloze',
		manual: 'written in the app',
		imported: 'imported'
	},
	ko: {
		definition: '정의',
		list: '목록',
		steps: '단계',
		section: '단락',
		table: '표의 행',
		emphasis: '강조',
		qa: '문답',
		'qa-reversed': '문답 (역방향)',
		multiline: '여러 줄',
		'multiline-reversed': '여러 줄 (역방향)',
		cloze: '빈칸',
		manual: '앱에서 작성',
		imported: '가져옴'
	}
};
