/**
 * The UI strings of the navigation and the home page (merged into messages.ts).
 * Every key in both languages. Keys start with their page's name so that they never meet
 * the study pages' keys; the deck page's (`deckPage…`) are in messages-cards.ts.
 */
const en = {
	navLabel: 'Main',
	navSettings: 'Settings',
	navImport: 'Import',
	navStats: 'Stats',
	navBrowse: 'Browse',

	homeLoading: 'Loading your decks…',
	homeLoadFailed: 'Your decks could not be loaded: {message}',
	homeNew: '{count} new',
	homeDue: '{count} due',
	homeStudy: 'Study',
	homeStudyDeck: 'Study {deck}',
	homeStudyAll: 'Study all decks',
	homeAllNewLimitReached_one: 'Today’s limit of {count} new card across all decks is reached.',
	homeAllNewLimitReached_other: 'Today’s limit of {count} new cards across all decks is reached.',
	homeSubdecks: 'Sub-decks of {deck}'
};
export const homeMessages: { en: typeof en; ko: Record<keyof typeof en, string> } = {
	en,
	ko: {
		navLabel: '주 메뉴',
		navSettings: '설정',
		navImport: '가져오기',
		navStats: '통계',
		navBrowse: '카드 찾기',

		homeLoading: '덱을 불러오는 중…',
		homeLoadFailed: '덱을 불러오지 못했습니다: {message}',
		homeNew: '새 카드 {count}',
		homeDue: '복습 {count}',
		homeStudy: '학습',
		homeStudyDeck: '{deck} 학습',
		homeStudyAll: '모든 덱 학습',
		homeAllNewLimitReached_one: '모든 덱을 합친 오늘의 새 카드 한도 {count}장을 다 채웠습니다.',
		homeAllNewLimitReached_other: '모든 덱을 합친 오늘의 새 카드 한도 {count}장을 다 채웠습니다.',
		homeSubdecks: '{deck}의 하위 덱'
	}
};
