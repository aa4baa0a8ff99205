/** The Korean of io/notices/anki.ts. */
import type { Translation } from '../notice';
import type { AnkiCompressedPart, AnkiJsonPart, ankiNotices } from '../../io/notices/anki';

const compressedPart: Record<AnkiCompressedPart, string> = { collection: '컬렉션', 'media list': '미디어 목록', media: '미디어 파일' };
/** With its object particle, which depends on the last syllable. */
const jsonPartObject: Record<AnkiJsonPart, string> = { 'note types': '노트 유형을', decks: '덱 정보를', settings: '설정을' };

export const ankiNoticesKo: Translation<typeof ankiNotices> = {
	'anki-empty': ({ name, file }) =>
		name === undefined ? `${file === 'package' ? 'Anki 패키지가' : 'Anki 컬렉션이'} 비어 있습니다(0바이트).` : `“${name}” 파일이 비어 있습니다(0바이트).`,
	'anki-no-collection': ({ name }) =>
		`${name === undefined ? '이 파일' : `“${name}”`}에는 Anki 컬렉션(collection.anki21b, collection.anki21, collection.anki2)이 없습니다. Anki 패키지가 아닙니다.`,
	'anki-too-large': () => '이 Anki 패키지는 압축을 풀면 Recall이 한 번에 가져올 수 있는 것보다 커집니다(압축된 파일이 너무 큽니다).',
	'anki-undecompressable': ({ part, reason }) => `Anki 패키지가 손상되었습니다. ${compressedPart[part]}의 압축을 풀 수 없습니다(${reason}).`,
	'anki-not-sqlite': () => '이 파일은 Anki 컬렉션이 아닙니다. SQLite 데이터베이스가 아닙니다.',
	'anki-needs-sql-engine': () =>
		'Anki 파일은 SQLite 엔진(약 300 kB)으로 읽는데, 이 기기에는 아직 받아 두지 않았습니다. 처음 Anki 파일을 가져올 때 한 번은 인터넷 연결이 필요합니다. 연결한 뒤 다시 시도하세요. 그 뒤로는 Anki 가져오기와 내보내기가 오프라인에서도 됩니다.',
	'anki-damaged': ({ reason }) => `Anki 컬렉션이 손상되어 읽을 수 없습니다(${reason}).`,
	'anki-damaged-json': ({ part }) => `Anki 컬렉션이 손상되었습니다. ${jsonPartObject[part]} 읽을 수 없습니다.`,
	'anki-missing-table': ({ table }) => `이 Anki 컬렉션은 완전하지 않습니다. ${table} 테이블이 없습니다.`,
	'anki-no-settings': () => '이 Anki 컬렉션은 완전하지 않습니다. 컬렉션 설정이 없습니다(col 테이블이 비어 있습니다).',
	'anki-no-notetypes': () => '이 Anki 컬렉션은 완전하지 않습니다. 노트 유형이 없습니다.',
	'anki-schema-too-new': ({ schema, max }) =>
		`이 컬렉션은 Anki 스키마 ${schema}입니다. Recall은 스키마 ${max}까지 읽을 수 있습니다. Anki에서 이전 Anki 버전 지원(“Support older Anki versions”)을 켜고 다시 내보내세요.`,
	'anki-schema-too-old': ({ schema, min, max }) => `이 컬렉션은 Anki 스키마 ${schema}입니다. Recall은 스키마 ${min}부터 ${max}까지 읽을 수 있습니다.`,

	'anki-media-list-damaged': () => '패키지의 미디어 파일 목록이 손상되어 이미지를 가져오지 않았습니다.',
	'anki-cards-without-notetype': ({ count }) => `카드 ${count}장을 가져오지 않았습니다. 컬렉션에 그 카드들의 노트 유형이 없습니다.`,
	'anki-image-occlusion': ({ count }) => `Image Occlusion 카드 ${count}장을 가져오지 않았습니다. Recall은 가림 마스크를 그릴 수 없습니다.`,
	'anki-cards-without-template': ({ count }) => `카드 ${count}장을 가져오지 않았습니다. 노트 유형에 그 카드들의 카드 템플릿이 없습니다.`,
	'anki-cloze-without-deletion': ({ count }) => `빈칸 카드 ${count}장을 가져오지 않았습니다. 노트에 카드 번호에 해당하는 빈칸이 없습니다.`,
	'anki-empty-front': ({ count }) => `카드 ${count}장을 가져오지 않았습니다. 앞면이 비어 있게 됩니다.`,
	'anki-duplicate-guid': ({ count }) => `카드 ${count}장을 가져오지 않았습니다. 다른 노트에 같은 ID(guid)가 있습니다.`,
	'anki-videos': ({ count }) => `소리가 아닌 [sound:] 파일(동영상 등) ${count}개를 뺐습니다. Recall은 mp3, ogg, opus, wav, m4a, aac, flac, webm 소리를 재생합니다.`,
	'anki-missing-fields': ({ notetype, fields }) =>
		`노트 유형 “${notetype}”: 템플릿이 이 노트 유형에 없는 필드(${fields.join(', ')})를 사용해 그 자리를 비워 두었습니다.`,
	'anki-missing-images': ({ count, shown }) => {
		const more = count > shown.length ? ` 외 ${count - shown.length}개` : '';
		return `카드에 나오는 이미지 ${count}개가 파일에 없습니다(${shown.join(', ')}${more}). 대신 자리 표시가 보입니다.`;
	},

	'anki-missing-sounds': ({ count, shown }) => {
		const more = count > shown.length ? ` 외 ${count - shown.length}개` : '';
		return `카드에서 재생하는 소리 ${count}개가 파일에 없습니다(${shown.join(', ')}${more}). 카드에는 대신 “소리를 쓸 수 없음”이 보입니다.`;
	},

	'anki-export-deck-renamed': ({ deck, renamed }) => `이름이 “${deck}”인 덱이 둘 있습니다. Anki에서는 두 번째 덱의 이름이 “${renamed}”입니다.`,
	'anki-export-file-twice': ({ name }) => `“${name}” 파일이 두 번 들어 있습니다. 첫 번째 파일을 내보냅니다.`,
	'anki-export-card-twice': ({ card }) => `“${card}” 카드가 두 번 들어 있습니다. 한 번만 내보냅니다.`,
	'anki-export-orphan-reviews': ({ count }) => `내보내지 않는 카드의 복습 기록 ${count}건을 뺐습니다.`,
	'anki-export-cloze-as-basic': ({ card }) => `빈칸 카드 “${card}”에는 Anki가 읽을 수 있는 빈칸이 없어 Basic 카드로 내보냅니다.`,
	'anki-export-image-missing': ({ src }) => `“${src}” 이미지가 내보내는 파일에 없습니다. Anki에서 이 이미지를 찾지 못합니다.`,
	'anki-export-sound-missing': ({ name }) => `“${name}” 소리가 내보내는 파일에 없습니다. Anki에서 이 소리를 찾지 못합니다.`
};
