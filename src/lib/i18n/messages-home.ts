/**
 * The UI strings of the navigation, home and deck pages (merged into messages.ts).
 * Every key in both languages. Keys start with their page's name so that they never meet
 * the study pages' keys.
 */
const en = {
	navLabel: 'Main',
	navSettings: 'Settings',
	navImport: 'Import',
	navStats: 'Stats',
	navBrowse: 'Browse',
	deckPageStats: 'Statistics',
	deckPageSubdecks: 'Sub-decks',
	deckPageStudyWithSubdecks: 'Study with its sub-decks',
	deckPageStatsWithSubdecks: 'Statistics with its sub-decks',

	homeLoading: 'Loading your decks…',
	homeLoadFailed: 'Your decks could not be loaded: {message}',
	homeNew: '{count} new',
	homeDue: '{count} due',
	homeStudy: 'Study',
	homeStudyDeck: 'Study {deck}',
	homeStudyAll: 'Study all decks',
	homeSubdecks: 'Sub-decks of {deck}',

	deckPageRetired: '{count} retired',
	deckPageRetiredNote_one: 'The last card is retired: it is gone from the note, and its review history is kept.',
	deckPageRetiredNote_other: 'The last {count} cards are retired: they are gone from the note, and their review history is kept.',
	deckPageState: 'State',
	deckPageNew: 'New',
	deckPageDueToday: 'Due today',
	deckPageOverdue: 'Due since {date}',
	deckPageDue: 'Due {date}',
	deckPageInterval: 'interval {interval}',
	deckPageShowMore: 'Show {count} more (of {total} left)',
	deckPageSuspended: 'Suspended',
	deckPageBuried: 'Buried until {date}',
	deckPageRetiredBadge: 'Retired'
};
export const homeMessages: { en: typeof en; ko: Record<keyof typeof en, string> } = {
	en,
	ko: {
		navLabel: '주 메뉴',
		navSettings: '설정',
		navImport: '가져오기',
		navStats: '통계',
		navBrowse: '카드 찾기',
		deckPageStats: '통계',
		deckPageSubdecks: '하위 덱',
		deckPageStudyWithSubdecks: '하위 덱과 함께 학습',
		deckPageStatsWithSubdecks: '하위 덱과 함께 통계',

		homeLoading: '덱을 불러오는 중…',
		homeLoadFailed: '덱을 불러오지 못했습니다: {message}',
		homeNew: '새 카드 {count}',
		homeDue: '복습 {count}',
		homeStudy: '학습',
		homeStudyDeck: '{deck} 학습',
		homeStudyAll: '모든 덱 학습',
		homeSubdecks: '{deck}의 하위 덱',

		deckPageRetired: '보관된 카드 {count}장',
		deckPageRetiredNote_one: '마지막 카드는 보관된 카드입니다. 노트에서 빠졌고, 학습 기록은 남아 있습니다.',
		deckPageRetiredNote_other: '마지막 {count}장은 보관된 카드입니다. 노트에서 빠졌고, 학습 기록은 남아 있습니다.',
		deckPageState: '상태',
		deckPageNew: '새 카드',
		deckPageDueToday: '오늘 복습',
		deckPageOverdue: '{date}부터 복습 대기',
		deckPageDue: '{date} 복습',
		deckPageInterval: '간격 {interval}',
		deckPageShowMore: '{count}장 더 보기 (남은 카드 {total}장)',
		deckPageSuspended: '보류됨',
		deckPageBuried: '{date}까지 묻어 둠',
		deckPageRetiredBadge: '보관됨'
	}
};