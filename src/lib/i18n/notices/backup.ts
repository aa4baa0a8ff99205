/** The Korean of io/notices/backup.ts. */
import type { Translation } from '../notice';
import type { backupNotices, RecallFileKind } from '../../io/notices/backup';
import type { FoundValue, SchemaProblem } from '../../notes/schema-problems';

/** "The backup is not valid" and "the deck file is not valid", with their subject particle. */
const notValid: Record<RecallFileKind, string> = { backup: '백업이 올바르지 않습니다', 'deck file': '덱 파일이 올바르지 않습니다' };

/** Subject topics: "이 백업은", "이 덱 파일은". */
const thisFile: Record<RecallFileKind, string> = { backup: '이 백업은', 'deck file': '이 덱 파일은' };

/** zod's names of the types the format expects. */
const expectedType: Record<string, string> = {
	string: '문자열',
	number: '숫자',
	int: '정수',
	boolean: '참/거짓 값',
	array: '목록',
	tuple: '목록',
	object: '객체',
	record: '객체',
	null: 'null'
};

const foundValue: Record<FoundValue, string> = {
	missing: '값 없음',
	null: 'null',
	text: '문자열',
	number: '숫자',
	'true or false': '참/거짓 값',
	list: '목록',
	object: '객체',
	other: '다른 값'
};

const unit = { text: '자', list: '개', number: '', other: '' } as const;

/** One of zod's problems in Korean, from its kind and values (zod's own words are English). */
function problemKo(problem: SchemaProblem): string {
	const where = problem.where || '파일 전체';
	switch (problem.kind) {
		case 'type': {
			const expected = expectedType[problem.expected] ?? problem.expected;
			return problem.found === 'missing' ? `${where}: 값이 없습니다(${expected} 필요)` : `${where}: ${expected} 형식이어야 하는데 ${foundValue[problem.found]}입니다`;
		}
		case 'value':
			return problem.allowed.length === 1 ? `${where}: ${problem.allowed[0]}만 허용됩니다` : `${where}: ${problem.allowed.join(', ')} 중 하나만 허용됩니다`;
		case 'too-small':
			return `${where}: ${problem.limit}${unit[problem.of]} ${problem.inclusive ? '이상이어야' : '초과여야'} 합니다`;
		case 'too-big':
			return `${where}: ${problem.limit}${unit[problem.of]} ${problem.inclusive ? '이하여야' : '미만이어야'} 합니다`;
		case 'keys':
			return `${where}: 알 수 없는 키 ${problem.keys.join(', ')}`;
		case 'other':
			return `${where}: 값이 올바르지 않습니다`;
	}
}

export const backupNoticesKo: Translation<typeof backupNotices> = {
	'backup-too-large': ({ limitMegabytes }) => `이 파일은 너무 커서 가져올 수 없습니다(${limitMegabytes} MB 초과).`,
	'backup-empty-file': () => '파일이 비어 있습니다.',
	'backup-damaged': () => '이 Recall 파일은 손상되었거나 중간에 잘렸습니다. 올바른 JSON이 아닙니다.',
	'backup-not-json': () => '이 파일은 Recall 백업이나 덱 파일이 아닙니다. JSON 파일이 아닙니다.',
	'backup-other-format': ({ format }) =>
		`이 파일은 Recall 백업이나 덱 파일이 아닙니다(“format” 값이 “${format}”입니다. Recall은 “recall-backup”과 “recall-deck”을 읽습니다).`,
	'backup-no-format': () => '이 파일은 Recall 백업이나 덱 파일이 아닙니다(“format” 필드가 없습니다. Recall은 “recall-backup”과 “recall-deck”을 읽습니다).',
	'backup-newer-version': ({ what, version, supported }) =>
		`${thisFile[what]} 형식 버전 ${version}입니다. 이 버전의 Recall은 버전 ${supported}까지만 읽을 수 있습니다. 앱을 업데이트한 뒤 여세요.`,
	'backup-invalid': ({ what, problems }) => `${notValid[what]}: ${problems.map(problemKo).join('; ')}.`,
	'backup-deck-twice': ({ what, deck }) => `${notValid[what]}: ID가 “${deck}”인 덱이 두 번 나옵니다.`,
	'backup-card-twice': ({ what, card }) => `${notValid[what]}: ID가 “${card}”인 카드가 두 번 나옵니다.`,
	'backup-card-in-other-deck': ({ what, card, listedIn, names }) =>
		`${notValid[what]}: ID가 “${card}”인 카드가 덱 “${listedIn}”에 들어 있지만, 카드에 적힌 덱은 “${names}”입니다.`,
	'backup-review-twice': ({ what, index, review }) => `${notValid[what]}: reviews.${index}: ID가 “${review}”인 복습 기록이 두 번 나옵니다.`,
	'backup-review-card-missing': ({ what, index, card }) => `${notValid[what]}: reviews.${index}: 복습 기록의 카드(“${card}”)가 파일에 없습니다.`,
	'backup-progress-card-missing': ({ what, card }) => `${notValid[what]}: progress: 진행 상태의 카드(“${card}”)가 파일에 없습니다.`,
	'backup-media-twice': ({ index, name }) => `${notValid.backup}: media.${index}: 이름이 “${name}”인 파일이 두 번 나옵니다.`,
	'backup-media-not-base64': ({ index, name }) => `${notValid.backup}: media.${index}: “${name}” 파일의 내용이 base64가 아닙니다.`
};
