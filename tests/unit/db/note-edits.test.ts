/**
 * A semester of edits to six study notes, each imported again as the import page does (notesToBundle, then
 * previewImport and applyImport) with the cards studied in between. After every edit: each card the student
 * would call the same card keeps its review rows and its schedule (under its old id, or under the card that
 * took its history), the preview's counts say what the import did, and a studied card is retired only where
 * the student deleted it, named in the preview.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { applyImport, previewImport, type DeckChanges } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { notesToBundle } from '../../../src/lib/io/markdown-notes';
import type { Grade } from '../../../src/lib/srs/sm2';
import { DAY_OPTIONS, databasesDeletedAfterEach, seoulNoon } from './helpers';

const open = databasesDeletedAfterEach();

/** An edit, and what the import that follows it should report: `added updated unchanged moved retired restored`. */
interface Edit {
	does: string;
	edit: (note: string) => string;
	counts: string;
	/** The fronts of the cards it retires (all studied: every live card is answered after each import). */
	retires?: string[];
}

function replace(from: string, to: string): (note: string) => string {
	return (note) => {
		if (!note.includes(from)) throw new Error(`the edit finds no "${from}"`);
		return note.replace(from, to);
	};
}

/** Moves the section whose heading is `heading` (up to the next heading of its level) before the line `before`. */
function moveSection(heading: string, before: string): (note: string) => string {
	return (note) => {
		const level = heading.match(/^#+/)![0];
		const start = note.indexOf(`${heading}\n`);
		const next = note.slice(start + heading.length).search(new RegExp(`\\n${level} `));
		const end = next < 0 ? note.length : start + heading.length + next + 1;
		const section = note.slice(start, end).replace(/\n*$/, '\n\n');
		const rest = (note.slice(0, start) + note.slice(end)).replace(/\n*$/, '\n');
		return replace(before, `${section}${before}`)(rest);
	};
}

interface Snapshot {
	card: CardRecord;
	rows: string[];
}

async function liveCards(db: RecallDatabase, deckId: string): Promise<Map<string, Snapshot>> {
	const cards = (await cardsInDeck(db, deckId).toArray()).filter((card) => card.queue !== Queue.retired);
	const rows = await Promise.all(cards.map((card) => db.reviews.where('card').equals(card.id).primaryKeys()));
	return new Map(cards.map((card, index) => [card.id, { card, rows: (rows[index] as string[]).sort() }]));
}

const schedule = (card: CardRecord) => ({ state: card.state, dueDay: card.dueDay, lastReview: card.lastReview });

/** Imports each version of the note in turn, a week apart, answering every live card after each import. */
async function semester(file: string, note: string, edits: readonly Edit[]): Promise<void> {
	const db = open();
	let at = seoulNoon('2026-03-03');
	let text = note;
	const steps: Edit[] = [{ does: 'first import', edit: (first) => first, counts: '' }, ...edits];
	for (const [index, step] of steps.entries()) {
		text = step.edit(text);
		const { bundle } = notesToBundle([{ name: file, bytes: new TextEncoder().encode(text) }]);
		const deck = bundle.decks[0]!;
		const before = await liveCards(db, deck.id);
		const preview = await previewImport(db, bundle, at);
		const result = await applyImport(db, bundle, at);
		const after = await liveCards(db, deck.id);
		const summary = preview.decks[0]!;
		expect(result.decks).toEqual(preview.decks);

		if (index > 0) {
			const names: (keyof DeckChanges)[] = ['added', 'updated', 'unchanged', 'moved', 'retired', 'restored'];
			expect(names.map((name) => `${name} ${summary[name]}`).join(', '), step.does).toBe(
				step.counts
					.split(' ')
					.map((count, at) => `${names[at]} ${count}`)
					.join(', ')
			);
			expect(summary.retiredCards, step.does).toEqual((step.retires ?? []).map((front) => ({ front, studied: true })));
		}

		// Every card studied before the edit: kept, or its whole history and schedule taken by one new card, or retired as the step says.
		const successorOf = new Map([...after.values()].flatMap(({ card, rows }) => rows.map((row) => [row, card] as const)));
		const retired: string[] = [];
		for (const [id, old] of before) {
			const kept = after.get(id);
			if (kept) {
				expect(kept.rows, `${step.does}: ${old.card.front}`).toEqual(old.rows);
				expect(schedule(kept.card), `${step.does}: ${old.card.front}`).toEqual(schedule(old.card));
				continue;
			}
			const successor = successorOf.get(old.rows[0]!);
			if (!successor) {
				expect((await db.cards.get(id))?.queue, `${step.does}: ${old.card.front}`).toBe(Queue.retired);
				expect(((await db.reviews.where('card').equals(id).primaryKeys()) as string[]).sort()).toEqual(old.rows);
				retired.push(old.card.front);
				continue;
			}
			expect(before.has(successor.id), `${step.does}: ${old.card.front} went to a card it had`).toBe(false);
			expect(after.get(successor.id)!.rows, `${step.does}: ${old.card.front}`).toEqual(old.rows);
			expect(schedule(successor), `${step.does}: ${old.card.front} → ${successor.front}`).toEqual(schedule(old.card));
		}
		expect(retired.sort(), step.does).toEqual([...(step.retires ?? [])].sort());

		let answered = 0;
		for (const { card } of after.values()) {
			const grade = (3 + (answered++ % 3)) as Grade;
			await answerCard(db, {
				cardId: card.id,
				grade,
				reviewedAt: at + answered * 1000,
				durationMs: 1000,
				kind: card.dueDay === undefined ? 'new' : 'review',
				expectedLastReview: card.lastReview,
				dayOptions: DAY_OPTIONS
			});
		}
		at += 7 * 86_400_000;
	}
}

describe('a semester of note edits keeps each card’s review history', () => {
	it('a lecture note with bold labels over bullets', async () => {
		await semester(
			'운영체제-3주차.md',
			'# 운영체제 3주차\n\n## 프로세스\n\n**정의**\n- 실행 중인 프로그램\n- 메모리에 올라온 상태\n\n**상태**\n- 생성 (new)\n- 준비 (ready)\n- 실행 (running)\n- 대기 (waiting)\n- 종료 (terminated)\n\n## 스케줄링\n\n**선점형**\n- 라운드 로빈\n- SRTF\n\n**비선점형**\n- FCFS\n- SJF\n',
			[
				{ does: 'add a section', edit: (note) => `${note}\n## 동기화\n\n**임계 구역**\n- 공유 자원에 접근하는 코드 영역\n- 한 번에 하나의 프로세스만\n`, counts: '1 0 4 0 0 0' },
				{ does: 'reword a bullet', edit: replace('메모리에 올라온 상태', '메모리에 적재된 상태'), counts: '0 1 4 0 0 0' },
				{ does: 'lengthen a label', edit: replace('**선점형**', '**선점형 스케줄링**'), counts: '0 1 4 1 0 0' },
				{ does: 'rename a heading', edit: replace('## 스케줄링', '## CPU 스케줄링'), counts: '0 2 3 2 0 0' },
				// The item is now a term and what it is, as `- 라운드 로빈: 타임 퀀텀 단위` would be: a card of its own.
				{ does: 'a <br> inside a bullet', edit: replace('- 라운드 로빈', '- 라운드 로빈<br>타임 퀀텀 단위'), counts: '1 1 4 0 0 0' },
				{ does: 'a footnote', edit: (note) => `${replace('- SJF', '- SJF[^1]')(note)}\n[^1]: 기아 현상이 생길 수 있다.\n`, counts: '0 0 6 0 0 0' },
				// The list card of 선점형 and 라운드 로빈's own card share that item's line; their sibling keys name it by its
				// text, so moving it (a section moved above it, a line added or taken out above it) leaves them unchanged.
				{ does: 'move a section up', edit: moveSection('## 동기화', '## 프로세스'), counts: '0 0 6 0 0 0' },
				{ does: 'an image', edit: replace('**상태**\n', '**상태**\n![상태 전이도](img/state.png)\n'), counts: '0 1 5 0 0 0' },
				{ does: 'split a list in two', edit: replace('- 실행 (running)\n', '- 실행 (running)\n\n**상태 (계속)**\n'), counts: '1 1 5 0 0 0' },
				{ does: 'merge the lists again', edit: replace('- 실행 (running)\n\n**상태 (계속)**\n', '- 실행 (running)\n'), counts: '0 1 5 0 1 0', retires: ['상태 (계속)'] },
				{ does: 'delete a bullet', edit: replace('- 대기 (waiting)\n', ''), counts: '0 1 5 0 0 0' },
				{ does: 'put it back', edit: replace('- 실행 (running)\n', '- 실행 (running)\n- 대기 (waiting)\n'), counts: '0 1 5 0 0 0' }
			]
		);
	});

	it('a vocabulary list of `word - meaning` lines', async () => {
		await semester(
			'toeic-vocab.md',
			'# TOEIC Vocabulary\n\n## Week 1\n\n- abundant - plentiful\n- acquire - to get or obtain\n- adjacent - next to\n- ambiguous - open to more than one meaning\n- anticipate - to expect\n- bank - a place that keeps money\n- bank - the side of a river\n\n## Week 2\n\n- candid - honest and direct\n- coherent - logical and consistent\n',
			[
				{ does: 'add a word', edit: replace('- coherent - logical and consistent\n', '- coherent - logical and consistent\n- concise - brief but complete\n'), counts: '1 0 8 0 0 0' },
				{ does: 'reword a meaning', edit: replace('to get or obtain', 'to get or gain possession of'), counts: '0 1 8 0 0 0' },
				{ does: 'a typo in a word', edit: replace('- coherent', '- coherrent'), counts: '0 1 8 1 0 0' },
				{ does: 'the typo fixed', edit: replace('- coherrent', '- coherent'), counts: '0 1 8 1 0 0' },
				{ does: 'split the first week in two', edit: replace('- anticipate', '\n## Week 1b\n\n- anticipate'), counts: '0 2 7 2 0 0' },
				{ does: 'merge them again', edit: replace('\n## Week 1b\n\n- anticipate', '- anticipate'), counts: '0 2 7 2 0 0' },
				{ does: 'rename a heading', edit: replace('## Week 2', '## Week 2 (midterm)'), counts: '0 3 6 3 0 0' },
				{ does: '`word: meaning` in place of `word - meaning`', edit: replace('- adjacent - next to', '- adjacent: next to'), counts: '0 0 9 0 0 0' },
				{ does: 'an example after a <br>', edit: replace('- candid - honest and direct', '- candid - honest and direct<br>e.g. a candid answer'), counts: '0 1 8 0 0 0' },
				{ does: 'reword one of two meanings of a word', edit: replace('the side of a river', 'the land beside a river'), counts: '0 1 8 0 0 0' },
				{ does: 'delete a word', edit: replace('- ambiguous - open to more than one meaning\n', ''), counts: '0 0 8 0 1 0', retires: ['ambiguous'] },
				{ does: 'put it back', edit: replace('- anticipate', '- ambiguous - open to more than one meaning\n- anticipate'), counts: '0 1 8 0 0 1' }
			]
		);
	});

	it('a `**term**: definition` summary', async () => {
		await semester(
			'network-summary.md',
			'# 컴퓨터 네트워크 요약\n\n## 전송 계층\n\n**TCP**: 연결형, 신뢰성 있는 전송\n**UDP**: 비연결형, 빠른 전송\n**포트 번호**: 프로세스를 구분하는 16비트 번호\n\n## 네트워크 계층\n\n**IP 주소**: 호스트를 식별하는 주소\n**라우터**: 패킷의 경로를 결정하는 장비\n**TTL**: 패킷이 살아 있는 홉 수\n',
			[
				{ does: 'reword a definition', edit: replace('프로세스를 구분하는 16비트 번호', '프로세스를 식별하는 16비트 정수'), counts: '0 1 5 0 0 0' },
				{ does: '`term - def` in place of `term: def`', edit: replace('**UDP**: 비연결형', '**UDP** - 비연결형'), counts: '0 0 6 0 0 0' },
				{ does: 'add a definition', edit: replace('**TTL**: 패킷이 살아 있는 홉 수\n', '**TTL**: 패킷이 살아 있는 홉 수\n**서브넷 마스크**: 네트워크 부분을 가리는 비트\n'), counts: '1 0 6 0 0 0' },
				{ does: 'a term given its English name', edit: replace('**라우터**', '**라우터 (router)**'), counts: '0 1 6 1 0 0' },
				{ does: 'lines turned into bullets', edit: replace('**TCP**: 연결형, 신뢰성 있는 전송\n**UDP** - 비연결형, 빠른 전송\n**포트', '- **TCP**: 연결형, 신뢰성 있는 전송\n- **UDP** - 비연결형, 빠른 전송\n- **포트'), counts: '0 0 7 0 0 0' },
				{ does: 'an acronym spelled out', edit: replace('**TCP**', '**TCP (Transmission Control Protocol)**'), counts: '0 1 6 1 0 0' },
				{ does: 'rename a heading', edit: replace('## 네트워크 계층', '## 3계층 (네트워크)'), counts: '0 4 3 4 0 0' },
				{ does: 'a footnote', edit: (note) => `${replace('홉 수', '홉 수[^ttl]')(note)}\n[^ttl]: Time To Live\n`, counts: '0 0 7 0 0 0' },
				{ does: 'move a section down', edit: moveSection('## 전송 계층', '[^ttl]:'), counts: '0 0 7 0 0 0' },
				{ does: 'rename a heading and reword a definition under it at once', edit: (note) => replace('## 전송 계층', '## 4계층 (전송)')(replace('빠른 전송', '빠르지만 보장 없는 전송')(note)), counts: '0 3 4 3 0 0' },
				{ does: 'delete a definition', edit: replace('**IP 주소**: 호스트를 식별하는 주소\n', ''), counts: '0 0 6 0 1 0', retires: ['IP 주소'] },
				{ does: 'put it back', edit: replace('**라우터', '**IP 주소**: 호스트를 식별하는 주소\n**라우터'), counts: '0 1 6 0 0 1' }
			]
		);
	});

	it('a note of Q: and A: lines', async () => {
		await semester(
			'biology-qa.md',
			'# Cell Biology Review\n\n## Organelles\n\nQ: What is the powerhouse of the cell?\nA: The mitochondria\n\nQ: Where are proteins made?\nA: On ribosomes\n\nQ: What does the Golgi apparatus do?\nA: Modifies and packages proteins\n\n## Membranes\n\nQ: What is the cell membrane made of?\nA: A phospholipid bilayer\n\nQ: What is osmosis?\nA: Diffusion of water across a membrane\n',
			[
				{ does: 'reword a question', edit: replace('Where are proteins made?', 'Where in the cell are proteins made?'), counts: '0 1 4 1 0 0' },
				{ does: 'reword an answer', edit: replace('A: On ribosomes', 'A: On the ribosomes (free or on the rough ER)'), counts: '0 1 4 0 0 0' },
				{ does: 'add a question', edit: replace('## Membranes\n', '## Membranes\n\nQ: What is active transport?\nA: Movement against the gradient using ATP\n'), counts: '1 0 5 0 0 0' },
				{ does: 'rename a heading', edit: replace('## Organelles', '## Organelles and their jobs'), counts: '0 3 3 3 0 0' },
				{ does: 'a <br> inside an answer', edit: replace('A: A phospholipid bilayer', 'A: A phospholipid bilayer<br>with embedded proteins'), counts: '0 1 5 0 0 0' },
				{ does: 'an image under an answer', edit: replace('A: The mitochondria\n', 'A: The mitochondria\n![mito](mito.png)\n'), counts: '0 1 5 0 0 0' },
				{ does: 'a hint under a question', edit: replace('Q: What is osmosis?\n', 'Q: What is osmosis?\nHint: think of water\n'), counts: '0 1 5 1 0 0' },
				{ does: 'a question and its answer put on one line with <br>', edit: replace('Q: What is the powerhouse of the cell?\nA: The mitochondria', 'Q: What is the powerhouse of the cell?<br>A: The mitochondria'), counts: '0 0 6 0 0 0' },
				{ does: 'move a section up', edit: moveSection('## Membranes', '## Organelles'), counts: '0 0 6 0 0 0' },
				{ does: 'delete a question', edit: replace('Q: What does the Golgi apparatus do?\nA: Modifies and packages proteins\n', ''), counts: '0 0 5 0 1 0', retires: ['What does the Golgi apparatus do?'] },
				{ does: 'put it back at the end', edit: (note) => `${note.replace(/\n+$/, '')}\n\nQ: What does the Golgi apparatus do?\nA: Modifies and packages proteins\n`, counts: '0 1 5 0 0 1' }
			]
		);
	});

	it('an Obsidian note with callouts, tags, wikilinks and comments', async () => {
		await semester(
			'한국사.md',
			'---\ntags: [history]\n---\n# 한국사 정리\n\n## 조선 전기 #시험\n\n> [!note] 핵심\n> 훈민정음 창제는 1443년, 반포는 1446년\n\n- **경국대전**: 조선의 기본 법전\n- **집현전**: 세종 때의 학문 연구 기관\n- **4군 6진**: 세종 때 개척한 북방 영토\n\n## 조선 후기\n\n> [!tip] 암기\n> 대동법은 공납을 쌀로 내게 한 제도\n\n- **균역법**: 군포를 1필로 줄인 제도\n- **탕평책**: 영조와 정조의 인재 등용 정책\n',
			[
				{ does: 'a tag on a heading (its cards take it)', edit: replace('## 조선 후기', '## 조선 후기 #시험'), counts: '0 3 4 0 0 0' },
				{ does: 'reword a definition', edit: replace('조선의 기본 법전', '조선 최고의 기본 법전'), counts: '0 1 6 0 0 0' },
				{ does: 'reword a callout', edit: replace('공납을 쌀로', '공납을 쌀(대동미)로'), counts: '0 1 6 0 0 0' },
				{ does: 'another callout type', edit: replace('[!tip] 암기', '[!important] 암기'), counts: '0 0 7 0 0 0' },
				{ does: 'wikilinks', edit: replace('영조와 정조의', '[[영조]]와 [[정조]]의'), counts: '0 0 7 0 0 0' },
				{ does: 'rename a heading', edit: replace('## 조선 전기 #시험', '## 조선 전기 (1392~1592) #시험'), counts: '0 4 3 4 0 0' },
				{ does: 'a block id', edit: replace('학문 연구 기관', '학문 연구 기관 ^jip'), counts: '0 0 7 0 0 0' },
				{ does: 'a comment', edit: replace('- **4군 6진**', '%% 시험에 나옴 %%\n- **4군 6진**'), counts: '0 0 7 0 0 0' },
				{ does: 'delete a definition', edit: replace('- **균역법**: 군포를 1필로 줄인 제도\n', ''), counts: '0 0 6 0 1 0', retires: ['균역법'] },
				{ does: 'put it back', edit: replace('- **탕평책**', '- **균역법**: 군포를 1필로 줄인 제도\n- **탕평책**'), counts: '0 1 6 0 0 1' }
			]
		);
	});

	it('a note of definitions that a student highlights for emphasis', async () => {
		await semester(
			'network-terms.md',
			'# 네트워크 용어\n\n## 전송 계층 프로토콜\n\n- TCP: 연결형 프로토콜\n- UDP: 비연결형 프로토콜\n- QUIC: UDP 위의 암호화된 전송\n\n## Vocabulary\n\nabandon - to leave behind for good\nundermine - to weaken gradually\nsubtle - hard to notice\n',
			[
				// A highlight in a definition stresses a word of its answer: the card is the definition's, history and all.
				{ does: 'highlight a phrase in one item of a list', edit: replace('- TCP: 연결형', '- TCP: ==연결형=='), counts: '0 1 5 0 0 0' },
				{ does: 'highlight a word in one line of a paragraph', edit: replace('to leave behind', 'to leave ==behind=='), counts: '0 1 5 0 0 0' },
				{ does: 'a second highlight in the list', edit: replace('- QUIC: UDP', '- QUIC: ==UDP=='), counts: '0 1 5 0 0 0' },
				{ does: 'a highlight taken off again', edit: replace('- TCP: ==연결형==', '- TCP: 연결형'), counts: '0 1 5 0 0 0' }
			]
		);
	});

	it('a note of numbered steps and a table', async () => {
		await semester(
			'git-workflow.md',
			'# Git 작업 흐름\n\n## 기능 브랜치 만들기\n\n1. main 브랜치를 최신으로 받는다\n2. 새 브랜치를 만든다\n3. 코드를 수정하고 커밋한다\n4. 원격에 푸시한다\n\n## 명령어 정리\n\n| 명령어 | 설명 |\n|---|---|\n| git fetch | 원격의 변경을 받아온다 |\n| git merge | 브랜치를 합친다 |\n| git rebase | 커밋을 다른 기반 위로 옮긴다 |\n\n## 되돌리기\n\n1. git log로 커밋을 찾는다\n2. git revert로 되돌리는 커밋을 만든다\n',
			[
				{ does: 'add a step', edit: replace('4. 원격에 푸시한다', '4. 원격에 푸시한다\n5. PR을 연다'), counts: '0 1 4 0 0 0' },
				{ does: 'reword a step', edit: replace('2. 새 브랜치를', '2. 새 기능 브랜치를'), counts: '0 1 4 0 0 0' },
				{ does: 'add a row', edit: replace('| git rebase |', '| git switch | 브랜치를 바꾼다 |\n| git rebase |'), counts: '1 0 5 0 0 0' },
				{ does: 'reword a cell', edit: replace('브랜치를 합친다', '두 브랜치의 기록을 합친다'), counts: '0 1 5 0 0 0' },
				{ does: 'rename a heading', edit: replace('## 명령어 정리', '## 자주 쓰는 명령어'), counts: '0 4 2 4 0 0' },
				{ does: 'rename a heading and add a step at once', edit: replace('## 기능 브랜치 만들기\n\n1. main', '## 기능 브랜치 작업\n\n0. 이슈를 확인한다\n1. main'), counts: '0 1 5 1 0 0' },
				{ does: 'an image', edit: replace('## 되돌리기\n', '## 되돌리기\n\n![그래프](img/revert.png)\n'), counts: '0 1 5 0 0 0' },
				{ does: 'a <br> inside a step', edit: replace('커밋을 찾는다', '커밋을 찾는다<br>--oneline이 편하다'), counts: '0 1 5 0 0 0' },
				{ does: 'move a section up', edit: moveSection('## 되돌리기', '## 기능 브랜치'), counts: '0 0 6 0 0 0' },
				{ does: 'delete a row', edit: replace('| git fetch | 원격의 변경을 받아온다 |\n', ''), counts: '0 0 5 0 1 0', retires: ['git fetch'] },
				{ does: 'put it back', edit: replace('| git merge', '| git fetch | 원격의 변경을 받아온다 |\n| git merge'), counts: '0 1 5 0 0 1' }
			]
		);
	});

	// The generator's own changes gave these cards new ids: a break in a heading now parts its title from its first line
	// (the title was both before), and a plain label under a bold label now has that label in its context (it had the
	// heading's alone). Each edit here makes the cards of the old reading into those of the new one, as importing the
	// note again after those changes does.
	it('a note whose headings hold a break and whose bold label heads plain labels', async () => {
		await semester(
			'생물-세포.md',
			'# 생물\n\n## 세포\n\n### 삼투 반투막을 통해 물이 이동하는 현상\n\n- 농도가 낮은 쪽에서 높은 쪽으로\n- **삼투압**: 삼투를 막는 데 필요한 압력\n\n## 세포 소기관\n\n장점\n- 분업으로 효율이 높다\n- 손상이 번지지 않는다\n\n단점:\n- 물질 수송에 에너지가 든다\n- 조절이 복잡하다\n',
			[
				{ does: 'a break in a heading', edit: replace('### 삼투 반투막', '### 삼투<br/>반투막'), counts: '0 2 2 2 0 0' },
				{ does: 'a bold label over the plain labels', edit: replace('## 세포 소기관\n\n', '## 세포 소기관\n\n**진핵세포**\n\n'), counts: '0 2 2 2 0 0' }
			]
		);
	});
});
