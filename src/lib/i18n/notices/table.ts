/** The Korean of io/notices/table.ts. */
import type { Translation } from '../notice';
import type { LineList, tableNotices } from '../../io/notices/table';

/** "4번째 줄", "2, 3, 9번째 줄", "1, 2, …, 10번째 줄 외 3줄". */
function listLines({ lines, more }: LineList): string {
	return `${lines.join(', ')}번째 줄${more > 0 ? ` 외 ${more}줄` : ''}`;
}

const delimiterNames: Record<string, string> = { '\t': '탭', ',': '쉼표(,)', ';': '세미콜론(;)', '|': '세로 막대(|)', ' ': '공백', ':': '콜론(:)' };

export const tableNoticesKo: Translation<typeof tableNotices> = {
	'table-too-large': ({ megabytes, limitMegabytes }) =>
		`이 파일은 ${megabytes.toFixed(1)} MB입니다. Recall은 ${limitMegabytes} MB까지의 CSV·TSV 파일을 가져옵니다. 파일을 더 작게 나누세요.`,
	'table-empty-file': () => '파일이 비어 있습니다.',
	'table-only-header-lines': () => '파일에 헤더 줄만 있고 데이터 행이 없습니다.',
	'table-only-header-row': () => '파일에 머리글 행만 있고 카드로 만들 행이 없습니다.',
	'table-single-field': ({ delimiter }) =>
		`이 파일의 모든 줄이 필드 하나뿐입니다(구분자: ${delimiterNames[delimiter] ?? `“${delimiter}”`}). 카드에는 앞면과 뒷면, 두 열이 필요하며, 열은 탭, 쉼표, 세미콜론 또는 |로 구분합니다.`,
	'table-bad-delimiter': ({ delimiter }) => `필드 구분자로 쓸 수 없는 값입니다(“${delimiter}”). 따옴표나 줄바꿈이 아닌 문자 하나를 고르세요.`,
	'table-mapping-out-of-range': ({ columns }) => `지정한 열 중에 파일에 없는 열이 있습니다(파일의 열은 ${columns}개입니다).`,
	'table-same-columns': () => '앞면과 뒷면은 서로 다른 열이어야 합니다.',
	'table-no-cards': ({ rows }) => `카드가 없습니다. ${rows}행 가운데 고른 열에 앞면과 뒷면이 모두 있는 행이 하나도 없습니다.`,

	'table-comment-line': ({ line }) => `${line}번째 줄은 #으로 시작해서 주석으로 읽었습니다.`,
	'table-unknown-header': ({ line, key }) => `${line}번째 줄: “#${key}:” 헤더는 Recall에서 쓰지 않으므로 무시했습니다.`,
	'table-unknown-separator': ({ line, separator }) => `${line}번째 줄: Recall이 알지 못하는 구분자(“${separator}”)여서 구분자를 자동으로 찾았습니다.`,
	'table-html-not-boolean': ({ line, value }) => `${line}번째 줄: “#html:${value}”의 값이 true도 false도 아니어서 무시했습니다.`,
	'table-column-not-number': ({ line, key, value }) => `${line}번째 줄: “#${key}:${value}”의 값이 열 번호(1, 2, 3, …)가 아니어서 무시했습니다.`,
	'table-unclosed-quote': ({ line }) => `${line}번째 줄에서 연 따옴표(")가 닫히지 않아 일반 문자로 읽었습니다.`,
	'table-long-quote': ({ from, to }) =>
		`따옴표로 묶인 필드가 ${from}번째 줄부터 ${to}번째 줄까지 이어집니다. 의도한 것이 아니라면 ${from}번째 줄에 따옴표(")가 빠졌거나 하나 더 있습니다.`,
	'table-short-rows': (values) => `${listLines(values)}: 필드가 열 ${values.columns}개보다 적어서 모자란 칸은 비워 두었습니다.`,
	'table-long-rows': (values) => `${listLines(values)}: 필드가 열 ${values.columns}개보다 많아서 남는 필드는 마지막 열에 이어 붙였습니다.`,
	'table-note-types-ignored': () => 'Basic과 Cloze가 아닌 노트 유형은 쓰지 않습니다. 그런 행은 앞면과 뒷면이 있는 카드가 됩니다.',
	'table-html-detected': () =>
		'일부 필드에 HTML(<b>, &nbsp; 등)이 있어서 모든 필드를 HTML로 읽었습니다. 일반 텍스트로 읽으려면 열 단계에서 ‘필드가 HTML’ 선택을 해제하거나 파일 맨 위에 #html:false 줄을 넣으세요.',
	'table-rows-without-sides': (values) => `${listLines(values)}: 앞면이나 뒷면이 없어서 건너뛰었습니다.`,
	'table-repeated-fronts': (values) => `${listLines(values)}: 같은 덱에 앞면이 같은 행이 위에 있습니다. 두 카드를 모두 둡니다.`,
	'table-export-images-left-out': ({ count }) =>
		`이미지가 있는 카드가 ${count}장 있습니다. 표에는 이미지 파일은 들어가지 않고 파일 이름만 들어갑니다. 이미지까지 옮기려면 덱을 ‘Anki 패키지 (.apkg)’로 내보내세요.`
};
