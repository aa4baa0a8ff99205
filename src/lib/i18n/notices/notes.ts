/**
 * The Korean of io/notices/notes.ts. A quoted note warning is put in Korean by note-warnings.ts; a quoted import
 * notice (a file's reason inside a list of files) by importNoticeText, from this folder's index: a cycle that is
 * harmless because it is only followed when a sentence is made, long after both modules have loaded.
 */
import type { AnyNotice, Translation } from '../notice';
import type { notesNotices } from '../../io/notices/notes';
import { importNoticeText } from './index';
import { noteWarningKo } from './note-warnings';

const quoted = (notice: AnyNotice) => importNoticeText('ko', notice);

export const notesNoticesKo: Translation<typeof notesNotices> = {
	'notes-none-chosen': () => '선택한 파일이 없습니다.',
	'notes-not-a-note': ({ name }) => `“${name}” 파일은 노트도, 노트를 묶은 zip도 아닙니다(Recall은 .md, .markdown, .txt, .zip 파일을 읽습니다).`,
	'notes-zip-without-notes': ({ name }) => `“${name}” 파일에는 노트(.md, .markdown, .txt 파일)가 없습니다.`,
	'notes-zip-unreadable': ({ name, reason }) => `“${name}” 파일을 열 수 없습니다: ${quoted(reason)}`,
	'notes-zip-other-files': ({ name, count }) => `“${name}”: 노트, 이미지, 소리 파일이 아닌 파일 ${count}개는 빼고 읽었습니다.`,
	'notes-note-unreadable': ({ path, reason }) => `“${path}” 파일은 ${noteWarningKo(reason)}.`,
	'notes-note-decoded': ({ path, warning }) => `“${path}” 파일은 ${noteWarningKo(warning)}.`,
	'notes-note-warning': ({ path, line, warning }) => `“${path}”${line === undefined ? '' : ` ${line}번째 줄`}: ${noteWarningKo(warning)}.`,
	'notes-missing-images': ({ path, images, more }) =>
		`“${path}”: 가져온 파일 중에 없는 이미지가 있어 카드에는 대체 텍스트가 대신 보입니다: ${images.map((src) => `“${src}”`).join(', ')}${more > 0 ? ` 외 ${more}개` : ''}. 이미지도 함께 가져오려면 이미지를 노트와 함께 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.`,
	'notes-ambiguous-images': ({ path, images }) =>
		`“${path}”: 이름이 같은(또는 대소문자만 다른) 파일이 여러 개라서 어느 것이 노트의 이미지인지 알 수 없어, 카드에는 대체 텍스트가 대신 보입니다: ${images.map((src) => `“${src}”`).join(', ')}. 노트가 가리키는 파일 하나만 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.`,
	'notes-missing-sounds': ({ path, sounds, more }) =>
		`“${path}”: 가져온 파일 중에 없는 소리 파일이 있어 카드에는 소리를 재생할 수 없다고 표시됩니다: ${sounds.map((name) => `“${name}”`).join(', ')}${more > 0 ? ` 외 ${more}개` : ''}. 소리 파일도 함께 가져오려면 소리 파일을 노트와 함께 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.`,
	'notes-ambiguous-sounds': ({ path, sounds }) =>
		`“${path}”: 이름이 같은(또는 대소문자만 다른) 파일이 여러 개라서 어느 것이 노트의 소리 파일인지 알 수 없어, 카드에는 소리를 재생할 수 없다고 표시됩니다: ${sounds.map((name) => `“${name}”`).join(', ')}. 노트가 가리키는 파일 하나만 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.`,
	'notes-same-deck': ({ conflicts }) =>
		conflicts
			.map(
				({ first, second, deck }) =>
					`“${first}” 파일과 “${second}” 파일이 둘 다 “${deck}” 덱을 만듭니다. 둘 중 하나에 다른 이름을 붙이세요(front matter의 "deck:" 줄이나 다른 첫 제목).`
			)
			.join(' '),
	'notes-files-refused': ({ problems }) => `파일 ${problems.length}개를 가져올 수 없습니다: ${problems.map(quoted).join(' ')}`,
	'notes-no-cards': ({ from, read, problems }) =>
		`${from === 'this-note' ? '이 노트로는' : '이 파일들로는'} 카드를 하나도 만들 수 없습니다.${read ? ' 카드는 정의(목록의 "용어: 뜻"이나 굵게 쓴 용어), 제목 아래의 목록·번호 매긴 단계·짧은 글·표, 표시한 카드("질문::답", "==빈칸==")로 만들어집니다.' : ''}${problems.map((problem) => ` ${quoted(problem)}`).join('')}`,
	'notes-skipped': ({ problem }) => `건너뜀: ${quoted(problem)}`,

	'notes-text-file-unreadable': ({ reason }) => `이 파일은 ${noteWarningKo(reason)}.`,
	'notes-text-file-decoded': ({ warning }) => `이 파일은 ${noteWarningKo(warning)}.`
};
