/** The Korean of io/notices/files.ts. */
import { megabytes, type fileNotices } from '../../io/notices/files';
import type { AnyNotice, Translation } from '../notice';
import { importNoticeText } from './index';

const quoted = (notice: AnyNotice) => importNoticeText('ko', notice);

export const fileNoticesKo: Translation<typeof fileNotices> = {
	'file-none-chosen': () => '가져올 파일을 고르세요.',
	'file-empty': ({ name }) => `“${name}” 파일이 비어 있습니다.`,
	'file-too-large': ({ name, bytes, maxBytes }) => `“${name}” 파일은 ${megabytes(bytes)}MB입니다. Recall은 ${megabytes(maxBytes)}MB까지의 파일을 가져옵니다.`,
	'file-not-package': ({ name }) => `“${name}” 파일은 Anki 패키지가 아닙니다. zip 압축 파일이 아닙니다.`,
	'file-not-collection': ({ name }) => `“${name}” 파일은 Anki 컬렉션이 아닙니다. SQLite 데이터베이스가 아닙니다.`,
	'file-not-zip': ({ name }) => `“${name}” 파일은 zip 압축 파일이 아닙니다(손상되었거나 zip 파일이 아닙니다).`,
	'file-unknown-kind': ({ name, extensions }) => `Recall은 “${name}” 파일을 읽을 수 없습니다. 가져올 수 있는 파일: ${extensions.join(', ')}.`,
	'file-images-without-note': ({ names }) =>
		`${names.map((name) => `“${name}”`).join(', ')} 파일은 노트와 함께 가져오는 파일입니다. Recall은 이미지와 소리 파일을 그 파일을 보여 주거나 재생하는 마크다운 노트와 함께만 가져옵니다. 노트(.md)와 함께 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.`,
	'file-several-not-notes': ({ names }) =>
		`${names.map((name) => `“${name}”`).join(', ')} 파일은 함께 가져올 수 없습니다. 백업, 덱 파일, 표는 한 번에 한 파일씩 가져옵니다. 마크다운 노트(이미지와 함께)나 Anki 패키지는 여러 개를 한 번에 고를 수 있습니다.`,
	'file-not-gzip': ({ name }) => `“${name}” 파일은 gzip 파일이 아닙니다(gzip 파일의 시작 부분이 아닙니다).`,
	'file-backup-not-utf8': ({ name }) => `“${name}” 파일은 Recall 백업이 아닙니다. UTF-8 텍스트가 아닙니다.`,
	'file-gzip-too-large': ({ name, maxBytes }) => `“${name}” 파일은 압축을 풀면 ${megabytes(maxBytes)}MB가 넘습니다. Recall이 한 번에 가져올 수 있는 크기보다 큽니다.`,
	'file-gzip-damaged': ({ name, reason }) => `“${name}” 파일은 손상된 gzip 파일입니다(${reason}).`,
	'file-gzip-cut-short': ({ name }) => `“${name}” 파일은 끝이 잘린 gzip 파일입니다. 데이터가 끝나기 전에 파일이 끝납니다.`,
	'file-refused': ({ name, reason }) => `“${name}”: ${quoted(reason)}`,
	'file-warning': ({ name, warning }) => `“${name}”: ${quoted(warning)}`,
	'file-left-out': ({ refusal }) => `${quoted(refusal)} 이 파일은 빼고 나머지 파일을 가져옵니다.`,
	'file-none-readable': ({ refusals }) => `고른 파일 ${refusals.length}개를 하나도 가져올 수 없습니다:${refusals.map((refusal) => ` ${quoted(refusal)}`).join('')}`,
	'file-no-cards': ({ name, problems }) => `“${name}” 파일로는 카드를 하나도 만들 수 없습니다.${problems.map((problem) => ` ${quoted(problem)}`).join('')}`,
	'zip-not-zip': () => '이 파일은 zip 압축 파일이 아닙니다(zip 파일의 시작 부분이 아닙니다).',
	'zip-damaged': ({ reason }) => `zip 압축 파일이 손상되었거나 완전하지 않습니다(${reason}).`,
	'zip-too-large': ({ maxBytes, maxEntries }) =>
		`이 압축 파일은 풀면 ${megabytes(maxBytes)}MB가 넘거나 파일이 ${maxEntries}개보다 많습니다. Recall이 한 번에 가져올 수 있는 양보다 큽니다.`
};
