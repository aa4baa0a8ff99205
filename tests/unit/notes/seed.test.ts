import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { parseDeckFile, deckFile } from '../../../src/lib/notes/deck-format';
import { hasWords } from '../../../src/lib/notes/text';
import { matchCards } from '../../../src/lib/notes/match';
import { generate, SEED, SEED_FILE, sides } from './helpers';

const { deck, report } = generate(SEED, SEED_FILE);
const byFront = (front: string) => deck.cards.filter((card) => card.front === front);
const one = (front: string): Card => {
	const found = byFront(front);
	expect(found, `cards with front "${front}"`).toHaveLength(1);
	return found[0] as Card;
};

describe('the seed note (Korean notes on AWS basics)', () => {
	it('becomes the deck "AWS 기초", named after its file', () => {
		expect(deck.name).toBe('AWS 기초');
		expect(deck.id).toBe('aws-기초');
		expect(deck.cards.every((card) => card.deck === deck.id)).toBe(true);
	});

	it('makes definition cards for 리전, 가용 영역 and 엣지 로케이션', () => {
		expect(one('리전')).toMatchObject({ rule: 'definition', path: ['왜 AWS인가', '기본 개념 설명'] });
		expect(one('리전').back).toContain('복수 개의 데이터 센터의 집합을 의미');
		expect(one('리전').back).toContain('ex) 미국 버지니아 리전, 서울 리전 등');
		expect(one('가용 영역(AZ, Availability Zone)').back).toMatch(/^리전 내에 위치한 복수 개의 데이터 센터/);
		const edge = one('엣지 로케이션(임시 데이터 저장소)');
		expect(edge.back).toContain('CloudFront 같은 엣지 서비스의 캐시 서버가 운영되는 데이터 센터');
		// The indented list under the definition explains it.
		expect(edge.back).toContain('- 데이터를 전 세계에 빠르게 전송하기 위해');
	});

	it('makes a definition card for each item of the 출시 서비스 list, and one card for the list', () => {
		const sqs = one('SQS(Simple Queue Service)');
		expect(sqs.rule).toBe('definition');
		expect(sqs.back).toContain('분산형 메시지 큐 서비스');
		expect(sqs.back).toContain('소프트웨어 구성 요소 간 어떤 볼륨의 메시지든');
		expect(byFront('S3').find((card) => card.rule === 'definition')?.back).toBe('객체 기반 스토리지 서비스');
		expect(byFront('EC2').find((card) => card.rule === 'definition')?.back).toBe('가상머신 제공');
		const list = one('출시 서비스');
		expect(list.rule).toBe('list');
		expect(list.back).toMatch(/- SQS\(Simple Queue Service\)[\s\S]*- S3[\s\S]*- EC2/);
		// The ➡️ conclusion after the list stays with it.
		expect(list.back).toContain('➡️ AWS는 초기에는 가상서버');
	});

	it('makes one card each for the EC2, RDS and S3 sections with their bullets on the back', () => {
		const path = ['AWS 소개', '대표적인 서비스 세 가지 - EC2, RDS, S3'];
		const ec2 = deck.cards.find((card) => card.front === 'EC2' && card.rule === 'list') as Card;
		expect(ec2.path).toEqual(path);
		expect(ec2.back.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(3);
		expect(ec2.back).toContain('Virtual Machine을 제공하는 가상 서비스');
		const rds = one('RDS');
		expect(rds.path).toEqual(path);
		expect(rds.back.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(3);
		const s3 = deck.cards.find((card) => card.front === 'S3' && card.rule === 'list') as Card;
		expect(s3.back.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
		expect(s3.back).toContain('정적 웹사이트 호스팅 기능도 제공한다.');
	});

	it('has its misspellings fixed without losing a card’s history', () => {
		// Words fixed in the backs of cards: the cards keep their ids, which are made of deck, headings and front.
		const birth = one('탄생 배경: 아마존닷컴의 내부 운영');
		expect(birth.back).toContain('전자상거래 웹사이트로');
		expect(birth.id).toBe('md:1drjl82bqm9');
		const text = sides(deck.cards).join('\n');
		for (const typo of ['윕사이트', '사용하닥', '떄문에', 'Fltwheel', 'PostgresSQL', 'SOS(']) expect(text).not.toContain(typo);
		// SOS was SQS: the reworded front is a new id, which inherits the old card's history.
		const before = generate(SEED.replace('- SQS(Simple Queue Service)', '- SOS(Simple Queue Service)'), SEED_FILE).deck.cards;
		const sqs = one('SQS(Simple Queue Service)');
		const sos = before.find((card) => card.front === 'SOS(Simple Queue Service)');
		expect(sos?.id).not.toBe(sqs.id);
		expect(matchCards(before, deck.cards)).toEqual([expect.objectContaining({ from: sos?.id, to: sqs.id })]);
	});

	it('makes a cloze card blanking 자체 클라우드 컴퓨팅 인프라', () => {
		const cloze = deck.cards.find((card) => card.kind === 'cloze' && card.back.includes('==자체 클라우드 컴퓨팅 인프라=='));
		expect(cloze).toBeDefined();
		expect(cloze?.front).toBe('이에 대응하기 위해 아마존은 내부적으로 [...]를 구축');
		expect(cloze?.front).not.toContain('자체 클라우드 컴퓨팅 인프라');
		expect(cloze?.path).toEqual(['AWS의 탄생', '탄생 배경: 아마존닷컴의 내부 운영']);
	});

	it('makes one steps card for the 11 usage steps', () => {
		const steps = deck.cards.filter((card) => card.rule === 'steps');
		expect(steps).toHaveLength(1);
		const card = steps[0] as Card;
		expect(card.front).toBe('AWS 사용 예시: 단계를 순서대로');
		for (let step = 1; step <= 11; step++) expect(card.back).toMatch(new RegExp(`^${step}\\. `, 'm'));
		expect(card.back).toContain('Lambda라는 서버리스 함수 서비스');
		// The note under step 2 and the closing bullets stay with the steps.
		expect(card.back).toContain('- 이때, DB를 직접 설치해서');
		expect(card.back).toContain('- 운영 중인 서비스에서도');
		// The step screenshots come along, never as cards of their own.
		expect(card.images.length).toBeGreaterThanOrEqual(7);
	});

	it('makes a card for the 고객 지향 서비스 출시 사례 (Snowball) material', () => {
		const card = one('고객 지향 서비스 출시 사례');
		expect(card.back).toContain('배경');
		expect(card.back).toContain('해결 방안');
		expect(card.back).toContain('Snowball 서비스');
		expect(card.back).toContain('페타 바이트급 데이터');
		const snowball = one('AWS의 Snowball 서비스');
		expect(snowball.rule).toBe('definition');
		expect(snowball.back).toContain('고객이 Snowball에 데이터를 직접 옮겨서');
	});

	it('keeps images on the cards they belong to, with their alt text', () => {
		const images = deck.cards.flatMap((card) => card.images);
		expect(images.length).toBe(12);
		expect(new Set(images.map((image) => image.src)).size).toBe(images.length);
		expect(images.every((image) => image.src.startsWith('https://github.com/user-attachments/assets/'))).toBe(true);
		expect(images.every((image) => image.alt === 'image')).toBe(true);
		expect(one('AWS의 가격 철학').images).toHaveLength(2);
		expect(one('리전').images).toHaveLength(1);
	});

	it('puts at least 95% of the list items and definition lines on some card', () => {
		expect(report.coverage.total).toBeGreaterThanOrEqual(55);
		expect(report.coverage.covered / report.coverage.total).toBeGreaterThanOrEqual(0.95);
		expect(report.uncovered.length).toBe(report.coverage.total - report.coverage.covered);
	});

	it('leaves no card with an empty side, leftover markup or a side of emoji and punctuation', () => {
		for (const card of deck.cards) {
			for (const side of [card.front, card.back]) {
				expect(side.trim(), card.id).not.toBe('');
				expect(side, card.id).not.toMatch(/<br|\*\*|!\[|<\/?[a-z][^>]*>/i);
				expect(hasWords(side), `${card.id}: ${side}`).toBe(true);
			}
			// Decorative emoji never reach a front.
			expect(card.front, card.id).not.toMatch(/\p{Extended_Pictographic}/u);
			expect(card.path.join(' '), card.id).not.toMatch(/\p{Extended_Pictographic}|^\d+\./u);
		}
	});

	it('gives every card its own id, and the same ids on every run', () => {
		const ids = deck.cards.map((card) => card.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(generate(SEED, SEED_FILE).deck.cards.map((card) => card.id)).toEqual(ids);
	});

	it('still makes every card it made when it shipped: learners’ review history hangs on these ids', () => {
		const shipped = [
			'md:1drjl82bqm9',
			'md:0zvu7wr4tm2',
			'md:21jebd2k5xe',
			'md:07kugetysod',
			'md:05owqtkphcf',
			'md:268zzeytjbn',
			'md:19hit5tcio0',
			'md:0nzi7jlgz19',
			'md:0jctmzmhr9u',
			'md:05qcri4d6yd',
			'md:20exl678pl1',
			'md:1sodur59z36',
			'md:0rf782s4ywq',
			'md:024bz0yd5ew',
			'md:1bkh92f6f1x',
			'md:2cuklujiclo',
			'md:29s3zkvmgcc',
			'md:2fz03nmi7o3',
			'md:1l6ka1u77gk',
			'md:1cplcz4prtx',
			'md:0ogclq0bjzi',
			'md:0hmtuwmo5c3'
		];
		expect(deck.cards.map((card) => card.id)).toEqual(expect.arrayContaining(shipped));
	});

	it('points every card at the line of the note it came from', () => {
		const lines = SEED.split('\n');
		expect(one('리전').source).toEqual({ file: SEED_FILE, line: 46 });
		expect(lines[45]).toContain('**리전**');
		const ec2 = deck.cards.find((card) => card.front === 'EC2' && card.rule === 'definition') as Card;
		expect(lines[ec2.source.line - 1]).toContain('EC2: 가상머신 제공');
		for (const card of deck.cards) expect(card.source.line).toBeGreaterThanOrEqual(1);
	});

	it('lists the cards in the order of the note', () => {
		const lines = deck.cards.map((card) => card.source.line);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
	});

	it('is a valid deck file', () => {
		expect(() => parseDeckFile(JSON.parse(JSON.stringify(deckFile([deck]))))).not.toThrow();
		expect(report.warnings).toEqual([]);
	});
});
