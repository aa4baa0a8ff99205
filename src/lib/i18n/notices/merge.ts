/** The Korean of io/notices/merge.ts. */
import type { mergeNotices } from '../../io/notices/merge';
import type { Translation } from '../notice';

export const mergeNoticesKo: Translation<typeof mergeNotices> = {
	'merge-orphan-reviews': ({ count }) => `파일에도 이 기기에도 없는 카드의 학습 기록 ${count}개는 가져오지 않았습니다.`,
	'merge-unknown-setting': ({ key }) => `백업의 설정 “${key}”은(는) 이 버전이 모르는 설정이라 가져오지 않았습니다.`,
	'merge-export-cards-without-deck': ({ count }) => `어느 덱에도 속하지 않은 카드 ${count}장은 내보내지 않았습니다.`
};
