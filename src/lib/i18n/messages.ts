/** The app's UI strings. Every locale has every key: the type makes a missing one a type error. */
import type { Locale } from './locale';

const en = {
	appName: 'Recall',
	tagline: 'Spaced repetition for the notes you write yourself.',
	skipToContent: 'Skip to content',
	navHome: 'Home',
	decksHeading: 'Decks',
	noDecks: 'No decks yet.',
	aboutScheduler: 'Cards are scheduled with SuperMemo’s SM-2 algorithm. Everything stays on this device.',
	notFoundHeading: 'Page not found',
	notFoundText: 'There is no page at this address.',
	errorHeading: 'Something went wrong',
	backHome: 'Back to your decks'
};

export type MessageKey = keyof typeof en;

export const messages: Record<Locale, Record<MessageKey, string>> = {
	en,
	ko: {
		appName: 'Recall',
		tagline: '직접 쓴 노트로 하는 간격 반복 학습.',
		skipToContent: '본문으로 건너뛰기',
		navHome: '홈',
		decksHeading: '덱',
		noDecks: '아직 덱이 없습니다.',
		aboutScheduler: '카드는 SuperMemo의 SM-2 알고리즘으로 일정이 정해집니다. 모든 데이터는 이 기기에만 저장됩니다.',
		notFoundHeading: '페이지를 찾을 수 없습니다',
		notFoundText: '이 주소에는 페이지가 없습니다.',
		errorHeading: '문제가 발생했습니다',
		backHome: '덱 목록으로 돌아가기'
	}
};
