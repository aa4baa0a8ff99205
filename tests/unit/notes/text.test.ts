import { describe, expect, it } from 'vitest';
import { cleanTitle, withoutTrailingBlanks } from '../../../src/lib/notes/text';
import { cards } from './helpers';

describe('heading numbers', () => {
	it('drops the numbers people put before headings', () => {
		const titles = ['3. 개요', '1.2 개요', '1.2. 개요', 'IV. 개요', 'I. 개요', 'a) 개요', 'A. 개요', '가. 개요', '나) 개요', '(1) 개요', '(가) 개요', '①개요', '❷ 개요', 'Ⅱ. 개요', '3-1. 개요', '【1】 개요', '[2] 개요'];
		expect(titles.map(cleanTitle)).toEqual(titles.map(() => '개요'));
	});

	it('keeps what only looks like a number: names like "E. coli", decimals, dates, counts', () => {
		const titles = ['E. coli 배양', 'V. cholerae', 'S. aureus 감염', '3.14 원주율', '2023.01.01 회의', '10 Things', '1위 달성', '3 - 5 범위', '10-20 법칙', '2023-01-01 회의'];
		expect(titles.map(cleanTitle)).toEqual(titles);
	});

	it('keeps "E. coli" in the heading and context of its cards', () => {
		const made = cards('# 미생물\n\n## E. coli 배양\n- 최적 온도: 37도\n- 배지: LB\n\n37도에서 하룻밤 키운다.\n');
		expect(made.map((card) => [card.front, card.path])).toEqual([
			['E. coli 배양', []],
			['최적 온도', ['E. coli 배양']],
			['배지', ['E. coli 배양']]
		]);
	});
});

describe('withoutTrailingBlanks', () => {
	it('drops the spaces and tabs that end a text, and nothing else', () => {
		expect(withoutTrailingBlanks('항목: 뜻 \t  ')).toBe('항목: 뜻');
		expect(withoutTrailingBlanks('  안쪽  그대로')).toBe('  안쪽  그대로');
		expect(withoutTrailingBlanks(' \t ')).toBe('');
		expect(withoutTrailingBlanks('줄\n')).toBe('줄\n');
		expect(withoutTrailingBlanks(`끝${' '.repeat(20_000)}`)).toBe('끝');
	});

	it('leaves a long run of spaces inside a definition as the line has it', () => {
		const made = cards(`## 제목\n\n- 항목: 뜻${' '.repeat(20_000)}끝\n- 둘: 둘째\n`);
		expect(made.find((card) => card.front === '항목')?.back).toMatch(/^뜻 +끝$/);
	});
});
