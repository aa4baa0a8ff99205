/**
 * The UI strings of the app's notices (components/AppUpdates.svelte): ready to work offline, a
 * new version waiting, a store upgrade that takes a while. Every key in both languages. Added
 * to the message table when the notices first have something to say (see messages.ts), which
 * most loads never do.
 */
import { addMessages } from './messages';

const en = {
	offlineReady: 'Recall is ready to work offline.',
	upgradingStore: 'Updating your study history for this version of Recall. This happens once and takes a few seconds with a long history.',
	updateAvailable: 'Update available.',
	updateExplained: 'A new version of Recall is ready. Your progress is kept.',
	updateNow: 'Update',
	updateLater: 'Later',
	reloadToFinishUpdate: 'Reload to finish the update.',
	reloadToFinishExplained: 'The new version of Recall is installed, but this page still runs the old one. Save what you are writing, then reload.',
	reloadNow: 'Reload',
	dismiss: 'OK'
};

export const updatesMessages: { en: typeof en; ko: Record<keyof typeof en, string> } = {
	en,
	ko: {
		offlineReady: '이제 오프라인에서도 Recall을 쓸 수 있습니다.',
		upgradingStore: '이 버전의 Recall에 맞게 학습 기록을 정리하고 있습니다. 한 번만 하며, 기록이 많으면 몇 초 걸립니다.',
		updateAvailable: '업데이트가 있습니다.',
		updateExplained: 'Recall의 새 버전이 준비되었습니다. 학습 기록은 그대로 유지됩니다.',
		updateNow: '업데이트',
		updateLater: '나중에',
		reloadToFinishUpdate: '업데이트를 마치려면 새로 고치세요.',
		reloadToFinishExplained: 'Recall의 새 버전이 설치되었지만 이 페이지는 아직 이전 버전으로 실행 중입니다. 작성 중인 내용을 저장한 뒤 새로 고치세요.',
		reloadNow: '새로 고침',
		dismiss: '확인'
	}
};

addMessages(updatesMessages);
