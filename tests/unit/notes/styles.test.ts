import { describe, expect, it } from 'vitest';
import { generate } from './helpers';

describe('notes in other personal styles', () => {
	it('reads an English note with headings, definitions, steps and prose', () => {
		const note = `# Operating Systems

## Processes
A **process** is a program in execution.

- **PID**: the process identifier
- **PCB** - the process control block, kept by the kernel
- Zombie: a process that has exited but was not reaped

## Booting a PC
1. Firmware runs the POST
2. The bootloader loads the kernel
3. The kernel starts init

## Scheduling
Round robin gives each process a \`time slice\` in turn.
Priority scheduling can starve low-priority processes.
`;
		const { deck, report } = generate(note, 'os.md');
		expect(deck.name).toBe('Operating Systems');
		const byFront = new Map(deck.cards.map((card) => [card.front, card]));
		expect(byFront.get('PID')?.back).toBe('the process identifier');
		expect(byFront.get('PCB')?.back).toBe('the process control block, kept by the kernel');
		expect(byFront.get('Zombie')?.back).toBe('a process that has exited but was not reaped');
		expect(byFront.get('Booting a PC: the steps in order')?.back).toBe('1. Firmware runs the POST\n2. The bootloader loads the kernel\n3. The kernel starts init');
		expect(deck.cards.find((card) => card.kind === 'cloze')?.front).toBe('Round robin gives each process a [...] in turn.');
		// Short prose under a heading is a card too.
		expect(byFront.get('Scheduling')?.rule).toBe('section');
		expect(report.coverage).toEqual({ covered: 8, total: 8 });
	});

	it('reads bold labels inside list items over their sub-items', () => {
		const { deck } = generate('## Databases\n\n- **SQL**\n  - tables\n  - joins\n- **NoSQL**\n  - documents\n  - key-value\n');
		const sql = deck.cards.find((card) => card.front === 'SQL');
		expect(sql?.rule).toBe('list');
		expect(sql?.back).toBe('- tables\n- joins');
		expect(sql?.path).toEqual(['Databases']);
	});

	it('does not take "Note:" or URLs for definitions', () => {
		const { deck } = generate('## Links\n\n- Note: check the docs\n- https://example.com: the site\n- see: below\n');
		expect(deck.cards.filter((card) => card.rule === 'definition')).toEqual([]);
	});

	it('reports list items it could not put on a card', () => {
		const { report } = generate('- a loose list\n- with no heading above it\n');
		expect(report.coverage).toEqual({ covered: 0, total: 2 });
		expect(report.uncovered).toEqual([
			{ line: 1, kind: 'list-item', text: 'a loose list' },
			{ line: 2, kind: 'list-item', text: 'with no heading above it' }
		]);
		expect(report.warnings.map((warning) => warning.message)).toContain('no cards could be made from this note');
	});

	it('escapes text that would otherwise become Markdown on the card', () => {
		const { deck } = generate('## Maths\n\n- **Product**: a * b * c, written a_b_c, when a < b\n');
		expect(deck.cards.find((card) => card.rule === 'definition')?.back).toBe('a \\* b \\* c, written a\\_b\\_c, when a \\< b');
	});

	it('takes the text of raw HTML but never its tags', () => {
		const { deck } = generate('## Web\n\n- **Tag**: <span style="color:red">red</span> text<script>alert(1)</script>\n\n<div>\n<img src="https://example.com/a.png" alt="diagram">\n</div>\n');
		const sides = deck.cards.flatMap((card) => [card.front, card.back]).join('\n');
		expect(sides).not.toMatch(/<\/?[a-z]/i);
		expect(sides).not.toContain('alert(1)');
		expect(sides).toContain('red text');
		expect(deck.cards.flatMap((card) => card.images)).toEqual([{ src: 'https://example.com/a.png', alt: 'diagram' }]);
	});
});
