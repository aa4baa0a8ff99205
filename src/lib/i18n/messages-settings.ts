/**
 * The UI strings of the settings page. Every key in both languages. Added to the
 * message table when the page's code loads (see messages.ts), so that the first
 * page does not download them.
 */
import { addMessages } from './messages';

const en = {
	settingsHeading: 'Settings',
	settingsLoading: 'Loading your settings…',
	settingsLoadFailed: 'Your settings could not be loaded: {message}',
	settingsStudyHeading: 'Daily study',
	settingsNewPerDay: 'New cards per day',
	settingsNewPerDayHelp: 'How many cards you have not seen before come into your study each day.',
	settingsReviewsPerDay: 'Reviews per day',
	settingsReviewsPerDayHelp: 'The most review cards shown in a day. Cards you just forgot come back regardless.',
	settingsDayStart: 'New day starts at (hour)',
	settingsDayStartHelp: 'An hour from 0 to 23. With 4, studying at 1:30 at night still counts for the day before.',
	settingsInvalidNumber: 'Not saved: enter a whole number from {min} to {max}.',
	settingsGradeButtons: 'Answer buttons',
	settingsGradeFour: 'Four: Again, Hard, Good, Easy',
	settingsGradeSix: 'Six: SM-2’s grades 0 to 5',
	settingsNewOrder: 'Order of new cards',
	settingsOrderNote: 'As in the note',
	settingsOrderRandom: 'Random',
	settingsSiblings: 'New cards that show each other’s answers (a list and its items, the blanks of one sentence)',
	settingsSiblingsWait: 'One a day: the others wait for another day',
	settingsSiblingsSameDay: 'All on the same day',
	settingsLeechHeading: 'Leeches',
	settingsLeechIntro: 'A leech is a card you keep forgetting: it takes more time than it gives back. Rewording it, or splitting it in two, usually helps.',
	settingsLeechThreshold: 'Leech threshold (lapses)',
	settingsLeechThresholdHelp: 'A card forgotten this many times becomes a leech: it is tagged “leech”, and again every half as many lapses (rounded up) after that, as in Anki. From 1 to 99; a deck’s options may set their own.',
	settingsLeechAction: 'When a card becomes a leech',
	settingsLeechSuspend: 'Suspend card',
	settingsLeechTagOnly: 'Tag only',
	settingsLanguage: 'Language',
	settingsLanguageAuto: 'Automatic, from the browser ({language})',
	settingsAppearanceHeading: 'Appearance',
	settingsTheme: 'Theme',
	settingsThemeAuto: 'Automatic (follows the device)',
	settingsThemeLight: 'Light',
	settingsThemeDark: 'Dark',
	settingsSaved: 'Saved',
	settingsSaveFailed: 'Not saved: {message}',

	storageHeading: 'Storage on this device',
	storageChecking: 'Checking…',
	storagePersistence: 'Persistent storage',
	storagePersistentYes: 'Yes',
	storagePersistentNo: 'No',
	storagePersistentUnknown: 'Unknown',
	storagePersistentExplained: 'The browser keeps Recall’s data until you delete it.',
	storageNotPersistentExplained:
		'The browser may delete Recall’s data, your cards and your progress, to free up space or when the site goes unused for a while: Safari on iPhone and iPad does so after some weeks without a visit. Make a backup now and then.',
	storagePersistenceUnsupported:
		'This browser does not say whether it keeps Recall’s data. It may delete it to free up space or after some weeks without a visit: make a backup now and then.',
	storagePersistenceDenied: 'Recall asked the browser to keep its data on {date}, and the browser declined.',
	storagePersistenceDeniedUndated: 'Recall asked the browser to keep its data, and the browser declined.',
	storageUsage: 'Space used',
	storageUsageValue: '{usage} of {quota}',
	storageUsageUnsupported: 'This browser does not tell how much space Recall uses.',
	storageUsageData: 'Your cards and study history',
	storageUsageOffline: 'Offline copies of the app and images',
	storageUsagePadded:
		'This browser counts each image kept from another site (such as the built-in decks’ pictures) at a padded size of several megabytes, so the offline copies can look far larger than they are.'
};

const ko: Record<keyof typeof en, string> = {
	settingsHeading: '설정',
	settingsLoading: '설정을 불러오는 중…',
	settingsLoadFailed: '설정을 불러오지 못했습니다: {message}',
	settingsStudyHeading: '매일 학습',
	settingsNewPerDay: '하루 새 카드 수',
	settingsNewPerDayHelp: '아직 본 적 없는 카드를 하루에 몇 장씩 학습할지 정합니다.',
	settingsReviewsPerDay: '하루 복습 수',
	settingsReviewsPerDayHelp: '하루에 보여 줄 복습 카드의 최대 수입니다. 방금 잊어버린 카드는 이 수와 상관없이 다시 나옵니다.',
	settingsDayStart: '하루가 시작되는 시각 (시)',
	settingsDayStartHelp: '0부터 23까지의 시각입니다. 4로 두면 새벽 1시 30분에 한 학습은 전날 학습으로 칩니다.',
	settingsInvalidNumber: '저장되지 않았습니다. {min}부터 {max}까지의 정수를 입력하세요.',
	settingsGradeButtons: '답 버튼',
	settingsGradeFour: '4개: 다시, 어려움, 좋음, 쉬움',
	settingsGradeSix: '6개: SM-2 점수 0~5',
	settingsNewOrder: '새 카드 순서',
	settingsOrderNote: '노트 순서대로',
	settingsOrderRandom: '무작위',
	settingsSiblings: '서로의 답을 보여 주는 새 카드 (목록과 그 항목들, 한 문장의 빈칸들)',
	settingsSiblingsWait: '하루에 하나만: 나머지는 다른 날로',
	settingsSiblingsSameDay: '모두 같은 날에',
	settingsLeechHeading: '거머리 카드',
	settingsLeechIntro: '거머리 카드는 자꾸 잊어버리는 카드입니다. 들이는 시간만큼 남는 것이 없으니, 표현을 바꾸거나 둘로 나누면 대개 도움이 됩니다.',
	settingsLeechThreshold: '거머리 카드 기준 (잊은 횟수)',
	settingsLeechThresholdHelp: '이만큼 잊어버린 카드는 거머리 카드가 되어 “leech” 태그가 붙고, 그 뒤로는 기준의 절반(올림)만큼 더 잊을 때마다 다시 그렇게 됩니다 (Anki와 같습니다). 1부터 99까지이며, 덱 옵션에서 덱마다 따로 정할 수 있습니다.',
	settingsLeechAction: '거머리 카드가 되면',
	settingsLeechSuspend: '카드 보류',
	settingsLeechTagOnly: '태그만 붙이기',
	settingsLanguage: '언어',
	settingsLanguageAuto: '자동 (브라우저 언어: {language})',
	settingsAppearanceHeading: '화면',
	settingsTheme: '테마',
	settingsThemeAuto: '자동 (기기 설정을 따름)',
	settingsThemeLight: '밝은 테마',
	settingsThemeDark: '어두운 테마',
	settingsSaved: '저장됨',
	settingsSaveFailed: '저장하지 못했습니다: {message}',

	storageHeading: '이 기기의 저장 공간',
	storageChecking: '확인 중…',
	storagePersistence: '영구 저장',
	storagePersistentYes: '예',
	storagePersistentNo: '아니요',
	storagePersistentUnknown: '알 수 없음',
	storagePersistentExplained: '직접 지우기 전까지 브라우저가 Recall의 데이터를 보관합니다.',
	storageNotPersistentExplained:
		'브라우저가 공간을 확보하려고, 또는 사이트를 한동안 쓰지 않으면 Recall의 데이터(카드와 학습 기록)를 지울 수 있습니다. iPhone과 iPad의 Safari는 몇 주 동안 방문하지 않으면 지웁니다. 가끔 백업해 두세요.',
	storagePersistenceUnsupported:
		'이 브라우저는 Recall의 데이터를 계속 보관하는지 알려 주지 않습니다. 공간을 확보하려고, 또는 몇 주 동안 방문하지 않으면 지울 수 있으니 가끔 백업해 두세요.',
	storagePersistenceDenied: '{date}에 Recall이 데이터를 계속 보관해 달라고 요청했지만 브라우저가 거절했습니다.',
	storagePersistenceDeniedUndated: 'Recall이 데이터를 계속 보관해 달라고 요청했지만 브라우저가 거절했습니다.',
	storageUsage: '사용 중인 공간',
	storageUsageValue: '{quota} 중 {usage}',
	storageUsageUnsupported: '이 브라우저는 Recall이 쓰는 공간을 알려 주지 않습니다.',
	storageUsageData: '카드와 학습 기록',
	storageUsageOffline: '오프라인용 앱과 이미지 사본',
	storageUsagePadded:
		'이 브라우저는 다른 사이트에서 가져와 보관한 이미지(기본 덱의 그림 등)를 한 장에 몇 MB씩 부풀려 계산하므로, 오프라인 사본이 실제보다 훨씬 크게 보일 수 있습니다.'
};

export const settingsMessages = { en, ko };

addMessages(settingsMessages);
