/** The Korean of io/notices/merge.ts. */
import type { mergeNotices } from '../../io/notices/merge';
import type { Translation } from '../notice';

export const mergeNoticesKo: Translation<typeof mergeNotices> = {
	'merge-orphan-reviews': ({ count }) => `파일에도 이 기기에도 없는 카드의 학습 기록 ${count}개는 가져오지 않았습니다.`,
	'merge-table-front-ambiguous': ({ count }) => `덱에 앞면이 같은 카드가 여러 장이라 어느 카드인지 알 수 없는 행 ${count}개는 새 카드로 추가했습니다.`,
	'merge-newer-edit-kept': ({ count }) => `카드 ${count}장은 그대로 두었습니다. 이 기기에 파일보다 나중에 고친 내용이 있습니다.`,
	'merge-note-cards-kept': ({ count }) => `노트에서 만든 카드 ${count}장은 파일에 다른 내용이나 태그가 있지만 그대로 두었습니다. 노트에서 만든 카드의 내용은 노트가 정하니, 바꾸려면 노트를 고치세요.`,
	'merge-cloze-cards-kept': ({ count }) => `클로즈 카드 ${count}장은 파일에 다른 내용이나 태그가 있지만 그대로 두었습니다. 표의 행은 클로즈 문장의 카드 한 장일 뿐이니, 바꾸려면 앱에서 문장을 고치세요(카드 정보나 카드 편집).`,
	'merge-unknown-setting': ({ key }) => `백업의 설정 “${key}”은(는) 이 버전이 모르는 설정이라 가져오지 않았습니다.`,
	'merge-export-image-missing': ({ src }) => `이미지 “${src}”는 이 기기에 없습니다. 파일에는 이미지 없이 이름만 들어갑니다.`,
	'merge-export-sound-missing': ({ name }) => `소리 “${name}”는 이 기기에 없습니다. 파일에는 소리 없이 이름만 들어갑니다.`,
	'merge-export-cards-without-deck': ({ count }) => `어느 덱에도 속하지 않은 카드 ${count}장은 내보내지 않았습니다.`
};
