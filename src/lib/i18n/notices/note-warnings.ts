/**
 * The Korean of notes/warnings.ts: what the notes generator and its decoder say. Used by the Korean of the
 * notices that quote them (notes.ts here), so each is a part of a sentence as its English is: the decoder's
 * refusals and notes complete "“파일” 파일은 …", the generator's warnings follow "“파일” N번째 줄: …"; the
 * quoting sentence adds the final period.
 */
import type { Translation } from '../notice';
import type { NoteNotice, noteWarnings } from '../../notes/warnings';

export const noteWarningsKo: Translation<typeof noteWarnings> = {
	'note-too-large': ({ megabytes, limit }) => `노트로 읽기에는 너무 큽니다(${megabytes.toFixed(1)} MB, 최대 ${limit} MB)`,
	'note-not-utf16': () => '올바른 UTF-16 텍스트가 아닙니다',
	'note-binary': () => '텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다)',
	'note-not-utf8': () => 'UTF-8 텍스트가 아닙니다(UTF-8로 저장한 뒤 다시 시도하세요)',

	'note-read-as-utf16': () => 'UTF-16으로 읽었습니다(UTF-16 바이트 순서 표시가 있습니다)',
	'note-read-as-euc-kr': () => 'EUC-KR로 읽었습니다(올바른 UTF-8이 아닙니다)',

	'note-front-matter-not-yaml': ({ reason }) => `front matter가 올바른 YAML이 아니어서 본문으로 읽었습니다(${reason})`,
	'note-front-matter-not-fields': () => '처음 두 "---" 줄 사이가 "key: value" 형식의 front matter가 아니어서 본문으로 읽었습니다',
	'note-front-matter-deck-not-name': () => 'front matter의 "deck" 값이 이름이 아니어서 무시했습니다',
	'note-front-matter-cards-unknown': ({ value }) => `front matter의 "cards"는 "auto"나 "explicit"이어야 합니다. "${value}" 대신 "auto"로 읽었습니다`,
	'note-front-matter-unclosed': () => '노트가 "---"로 시작하지만 front matter를 닫는 "---" 줄이 없어서 본문으로 읽었습니다',

	'note-lists-flattened': ({ levels }) => `${levels}단계보다 깊이 중첩된 목록은 한 단계로 합쳤습니다`,
	'note-image-on-no-card': ({ image }) => `어느 카드에도 들어가지 않은 이미지가 있습니다: “${image}”`,
	'note-sound-on-no-card': ({ sound }) => `어느 카드에도 들어가지 않은 소리 파일이 있습니다: “${sound}”`,
	'note-table-row-on-no-card': ({ row }) => `어느 카드에도 들어가지 않은 표의 행이 있습니다: “${row}”`,
	'note-code-on-no-card': ({ code }) => `어느 카드에도 들어가지 않은 코드 블록이 있습니다: “${code}”`,
	'note-more-on-no-card': ({ count }) => `그 밖에도 표의 행과 코드 블록 ${count}개가 어느 카드에도 들어가지 않았습니다`,
	'note-passage-too-long': ({ passage, heading, limit }) =>
		`“${heading}” 아래의 문단 “${passage}”는 ${limit}자보다 길어서 어느 카드에도 들어가지 않았습니다(빈 줄로 나누면 나뉜 부분마다 카드가 됩니다)`,
	'note-callout-on-no-card': ({ callout }) => `어느 카드에도 들어가지 않은 콜아웃이 있습니다: “${callout}”`,
	'note-embed-left-out': ({ note }) => `“![[${note}]]”는 빠졌습니다: 카드에는 다른 노트의 내용을 넣을 수 없습니다([[${note}]]처럼 링크로 쓰세요)`,
	'note-deck-name-taken': ({ name, keptBy, renamed }) =>
		`${keptBy}도 덱 “${name}”을 만들고 그 이름을 가지므로, 이 노트는 덱 “${renamed}”이 됩니다(직접 이름을 정하려면 둘 중 하나의 제목을 바꾸세요)`,
	'note-empty': () => '노트가 비어 있습니다',
	'note-no-cards': () => '이 노트로는 카드를 만들 수 없습니다',
	'note-repeated-question': ({ question }) =>
		`같은 제목 아래 앞의 카드가 이미 같은 질문(“${question}”)과 같은 답을 가집니다. 이 카드의 ID는 두 카드의 순서에 따라 정해집니다`,
	'note-more-repeated-questions': ({ count }) => `그 밖에도 카드 ${count}장이 같은 제목 아래 앞의 카드와 같은 질문과 답을 가집니다`
};

/** What `notice` says, in Korean. */
export function noteWarningKo(notice: NoteNotice): string {
	return (noteWarningsKo[notice.code] as (values: unknown) => string)(notice.values);
}
