/**
 * The UI strings of importing and exporting. Every key in both languages. Added to the
 * message table when a page that imports or exports loads (see messages.ts).
 */
import { addMessages } from './messages';

const en = {

	importHeading: 'Import',
	importIntro: 'Anki packages (.apkg, .colpkg), Recall backups (.json), tables (.csv, .tsv, .txt) and Markdown notes (.md, or a .zip of a notes folder).',
	importChoose: 'Choose files',
	importDrop: 'or drop them here',
	importReading: 'Importing {files}',
	importPhase_detect: 'Looking at the file…',
	importPhase_sqlite: 'Opening the Anki collection…',
	importPhase_parse: 'Reading the cards…',
	importPhase_preview: 'Comparing with your cards…',
	importPhase_store: 'Saving…',
	importCancel: 'Cancel',
	importCancelled: 'The import was cancelled. Nothing was changed.',
	importFailed: 'Nothing was imported: {message}',
	importUnexpected: 'Nothing was imported. Something went wrong reading the file: {message}',
	importStoreFailed: 'Nothing was imported: the cards could not be saved ({message}). Your data is as it was.',
	importTryAnother: 'Choose another file',

	importMappingHeading: 'Columns',
	importMappingIntro: 'The first rows of {file}. Pick which column is the front, the back and the tags.',
	importColumnFront: 'Front',
	importColumnBack: 'Back',
	importColumnTags: 'Tags',
	importColumnNone: '(none)',
	importDeckName: 'Deck name',
	importDeckNameMissing: 'Give the deck a name.',
	importSameColumns: 'The front and the back must be different columns.',
	importRows_one: '{count} row',
	importRows_other: '{count} rows',
	importContinue: 'Continue',

	importPreviewHeading: 'Before importing',
	importReportHeading: 'Notes',
	importReportCoverage: '{covered} of {total} list items and definitions on a card',
	importPreviewDeck: 'Deck',
	importPreviewNew: 'New',
	importPreviewUpdated: 'Updated',
	importPreviewUnchanged: 'Unchanged',
	importPreviewReviews: 'Review history: {count} new entries',
	importPreviewMedia: 'Images and other media: {count}',
	importPreviewRetired: '{deck}: {count} cards are gone from the note and will be retired (their review history is kept).',
	importPreviewSettings: 'This backup also holds settings: yours will be replaced by them.',
	importWarnings: 'Warnings',
	importMoreWarnings: 'and {count} more',
	importConfirm: 'Import',
	importNothingNew: 'Everything in this file is already here: importing it changes nothing.',

	importDoneHeading: 'Imported',
	importDoneDeck: '{deck}: {count} cards',
	importAnother: 'Import more',

	exportHeading: 'Export',
	exportFormat: 'Format',
	exportJsonProgress: 'Recall backup of this deck, with progress (.json)',
	exportJsonPlain: 'Recall deck without progress (.json)',
	exportCsv: 'Table (.csv)',
	exportApkg: 'Anki package (.apkg)',
	exportDownload: 'Download',
	exportShare: 'Share…',
	exportWorking: 'Preparing the file…',
	exportFailed: 'The file could not be made: {message}',
	exportDone: 'Saved {file}.',

	backupHeading: 'Backup',
	backupIntro: 'Everything on this device in one file: decks, cards, your whole review history and settings. Import it on another device (or after clearing this one) to carry on; importing merges, so nothing is lost either way.',
	backupAll: 'Back up everything',
	backupImport: 'Import a backup or other cards'
};

const ko: Record<keyof typeof en, string> = {

	importHeading: '가져오기',
	importIntro: 'Anki 패키지(.apkg, .colpkg), Recall 백업(.json), 표(.csv, .tsv, .txt), Markdown 노트(.md 또는 노트 폴더의 .zip)를 가져올 수 있습니다.',
	importChoose: '파일 선택',
	importDrop: '또는 여기에 끌어다 놓기',
	importReading: '{files} 가져오는 중',
	importPhase_detect: '파일을 살펴보는 중…',
	importPhase_sqlite: 'Anki 컬렉션을 여는 중…',
	importPhase_parse: '카드를 읽는 중…',
	importPhase_preview: '가지고 있는 카드와 비교하는 중…',
	importPhase_store: '저장하는 중…',
	importCancel: '취소',
	importCancelled: '가져오기를 취소했습니다. 바뀐 것은 없습니다.',
	importFailed: '가져오지 못했습니다: {message}',
	importUnexpected: '가져오지 못했습니다. 파일을 읽다가 문제가 생겼습니다: {message}',
	importStoreFailed: '가져오지 못했습니다. 카드를 저장할 수 없었습니다({message}). 데이터는 그대로입니다.',
	importTryAnother: '다른 파일 선택',

	importMappingHeading: '열',
	importMappingIntro: '{file}의 처음 몇 행입니다. 앞면, 뒷면, 태그가 어느 열인지 고르세요.',
	importColumnFront: '앞면',
	importColumnBack: '뒷면',
	importColumnTags: '태그',
	importColumnNone: '(없음)',
	importDeckName: '덱 이름',
	importDeckNameMissing: '덱 이름을 입력하세요.',
	importSameColumns: '앞면과 뒷면은 서로 다른 열이어야 합니다.',
	importRows_one: '{count}행',
	importRows_other: '{count}행',
	importContinue: '계속',

	importPreviewHeading: '가져오기 전에',
	importReportHeading: '노트',
	importReportCoverage: '목록 항목과 정의 {total}개 중 {covered}개가 카드에 들어감',
	importPreviewDeck: '덱',
	importPreviewNew: '새 카드',
	importPreviewUpdated: '바뀐 카드',
	importPreviewUnchanged: '그대로',
	importPreviewReviews: '학습 기록: 새 항목 {count}개',
	importPreviewMedia: '이미지 등 미디어: {count}개',
	importPreviewRetired: '{deck}: 노트에서 사라진 카드 {count}장은 보관됩니다(학습 기록은 유지).',
	importPreviewSettings: '이 백업에는 설정도 들어 있습니다. 지금 설정은 백업의 설정으로 바뀝니다.',
	importWarnings: '주의',
	importMoreWarnings: '외 {count}개',
	importConfirm: '가져오기',
	importNothingNew: '이 파일의 내용은 이미 모두 있습니다. 가져와도 바뀌는 것이 없습니다.',

	importDoneHeading: '가져왔습니다',
	importDoneDeck: '{deck}: 카드 {count}장',
	importAnother: '더 가져오기',

	exportHeading: '내보내기',
	exportFormat: '형식',
	exportJsonProgress: '이 덱의 Recall 백업, 학습 기록 포함 (.json)',
	exportJsonPlain: '학습 기록 없는 Recall 덱 (.json)',
	exportCsv: '표 (.csv)',
	exportApkg: 'Anki 패키지 (.apkg)',
	exportDownload: '내려받기',
	exportShare: '공유…',
	exportWorking: '파일을 만드는 중…',
	exportFailed: '파일을 만들지 못했습니다: {message}',
	exportDone: '{file} 파일을 저장했습니다.',

	backupHeading: '백업',
	backupIntro: '이 기기의 모든 것(덱, 카드, 전체 학습 기록, 설정)을 파일 하나로 저장합니다. 다른 기기에서(또는 이 기기를 비운 뒤) 가져오면 이어서 공부할 수 있습니다. 가져오기는 합치는 방식이라 어느 쪽도 잃지 않습니다.',
	backupAll: '모두 백업',
	backupImport: '백업이나 다른 카드 가져오기'
};

export const importMessages = { en, ko };

addMessages(importMessages);
