import { describe, expect, it } from 'vitest';
import {
	afterAnswerRule,
	answerWithoutFrontSide,
	clozeOrdinals,
	isFieldEmpty,
	parseTemplate,
	renderCloze,
	renderTemplate,
	type RenderContext,
	type Side
} from '../../../../src/lib/io/anki/template';

function context(fields: Record<string, string>, clozeOrdinal = 0, specials: Record<string, string> = {}): RenderContext {
	return { fields: new Map(Object.entries(fields)), specials: new Map(Object.entries(specials)), clozeOrdinal, missingFields: new Set() };
}

function render(template: string, fields: Record<string, string>, side: Side = 'question', clozeOrdinal = 0, frontSide = ''): string {
	return renderTemplate(parseTemplate(template), side, context(fields, clozeOrdinal), frontSide);
}

describe('Anki templates: fields and sections', () => {
	it('puts field HTML in place, as it is', () => {
		expect(render('<div>{{Front}}</div>', { Front: 'a <b>bold</b> &amp; b' })).toBe('<div>a <b>bold</b> &amp; b</div>');
		expect(render('{{ Front }}', { Front: 'x' })).toBe('x');
	});

	it('does not read template syntax inside field text', () => {
		expect(render('{{Front}}', { Front: '{{Back}}', Back: 'no' })).toBe('{{Back}}');
	});

	it('renders {{FrontSide}} on the answer only', () => {
		expect(render('{{FrontSide}}<hr id=answer>{{Back}}', { Back: 'b' }, 'answer', 0, 'the front')).toBe('the front<hr id=answer>b');
		expect(render('[{{FrontSide}}]', {}, 'question')).toBe('[]');
	});

	it('shows {{#Field}} sections when the field has content and {{^Field}} when it has none', () => {
		const template = '{{#Extra}}extra: {{Extra}}{{/Extra}}{{^Extra}}no extra{{/Extra}}';
		expect(render(template, { Extra: 'x' })).toBe('extra: x');
		expect(render(template, { Extra: '' })).toBe('no extra');
		// Anki counts whitespace, <br> and empty divs as empty.
		expect(render(template, { Extra: ' <br> <div></div>&nbsp;' })).toBe('no extra');
		expect(render('{{#A}}{{#B}}both{{/B}}{{/A}}', { A: '1', B: '' })).toBe('');
		expect(render('{{#A}}{{#B}}both{{/B}}{{/A}}', { A: '1', B: '1' })).toBe('both');
	});

	it('tolerates unbalanced sections', () => {
		expect(render('a{{/Nope}}b', {})).toBe('ab');
		expect(render('{{#A}}open', { A: 'x' })).toBe('open');
	});

	it('leaves fields the note lacks empty and reports them', () => {
		const ctx = context({ Front: 'f' });
		expect(renderTemplate(parseTemplate('{{Front}}{{Nope}}'), 'question', ctx)).toBe('f');
		expect([...ctx.missingFields]).toEqual(['Nope']);
	});

	it('reads special fields and ignores comments and delimiter changes', () => {
		const ctx = context({}, 0, { Tags: 'a b', Deck: 'A::B' });
		expect(renderTemplate(parseTemplate('{{!note to self}}{{=<% %>=}}{{Tags}} in {{Deck}}'), 'question', ctx)).toBe('a b in A::B');
		expect(ctx.missingFields.size).toBe(0);
	});

	it('is empty for whitespace, <br> and empty divs only', () => {
		expect(isFieldEmpty('')).toBe(true);
		expect(isFieldEmpty(' <br/><div></div>')).toBe(true);
		expect(isFieldEmpty('<img src="a.png">')).toBe(false);
		expect(isFieldEmpty('0')).toBe(false);
	});
});

describe('Anki templates: filters', () => {
	it('type: shows nothing on the question and the answer text on the answer', () => {
		expect(render('{{Front}}{{type:Back}}', { Front: 'q', Back: 'a' })).toBe('q');
		expect(render('{{type:Back}}', { Back: 'a' }, 'answer')).toBe('a');
	});

	it('text: drops the HTML tags', () => {
		expect(render('{{text:Front}}', { Front: '<b>bold</b> &amp; <i>it</i>' })).toBe('bold &amp; it');
	});

	it('hint: a details element, no script', () => {
		const html = render('{{hint:Notes}}', { Notes: 'remember <b>this</b>' });
		expect(html).toBe('<details><summary>Notes</summary>remember <b>this</b></details>');
		expect(render('{{hint:Notes}}', { Notes: '' })).toBe('');
	});

	it('furigana, kanji and kana', () => {
		expect(render('{{furigana:F}}', { F: '日本[にほん]' })).toBe('<ruby>日本<rt>にほん</rt></ruby>');
		expect(render('{{kanji:F}}', { F: '日本[にほん]' })).toBe('日本');
		expect(render('{{kana:F}}', { F: '日本[にほん]' })).toBe('にほん');
	});

	it('text to speech shows nothing; unknown filters give the field as it is', () => {
		expect(render('{{tts en_US:Front}}', { Front: 'x' })).toBe('');
		expect(render('{{myaddon:Front}}', { Front: 'x' })).toBe('x');
	});

	it('applies chained filters from the field outwards', () => {
		expect(render('{{text:cloze:Text}}', { Text: '<b>{{c1::a}}</b> b' }, 'question', 1)).toBe('[...] b');
	});
});

describe('Anki cloze', () => {
	const text = '{{c1::Seoul}} is the capital of {{c2::South Korea::country}}; the {{c1::Han}} flows through it.';

	it('blanks the card’s deletions on the question and shows the others', () => {
		expect(renderCloze(text, 1, 'question').html).toBe(
			'<span class="cloze-blank">[...]</span> is the capital of South Korea; the <span class="cloze-blank">[...]</span> flows through it.'
		);
		expect(renderCloze(text, 2, 'question').html).toBe('Seoul is the capital of <span class="cloze-blank">[country]</span>; the Han flows through it.');
	});

	it('highlights the card’s deletions on the answer, without the hint', () => {
		expect(renderCloze(text, 2, 'answer').html).toBe('Seoul is the capital of <mark>South Korea</mark>; the Han flows through it.');
	});

	it('nests: the outer card blanks all of it, the inner card only its part', () => {
		const nested = '{{c1::outer {{c2::inner}} text}} end';
		expect(renderCloze(nested, 1, 'question').html).toBe('<span class="cloze-blank">[...]</span> end');
		expect(renderCloze(nested, 2, 'question').html).toBe('outer <span class="cloze-blank">[...]</span> text end');
		expect(renderCloze(nested, 1, 'answer').html).toBe('<mark>outer inner text</mark> end');
		expect(renderCloze(nested, 2, 'answer').html).toBe('outer <mark>inner</mark> text end');
	});

	it('says whether the card’s deletion was there', () => {
		expect(renderCloze(text, 3, 'question')).toEqual({ html: 'Seoul is the capital of South Korea; the Han flows through it.', found: false });
		expect(renderCloze(text, 1, 'question').found).toBe(true);
	});

	it('keeps unclosed deletions and stray closings as text', () => {
		expect(renderCloze('{{c1::open', 1, 'question').html).toBe('{{c1::open');
		expect(renderCloze('a }} b', 1, 'question').html).toBe('a }} b');
	});

	it('lists the numbers a field uses', () => {
		expect([...clozeOrdinals(text)].sort()).toEqual([1, 2]);
	});

	it('renders {{cloze:}} in templates, {{#c2}} sections and {{type:cloze:}}', () => {
		const ctx = context({ Text: text }, 2, { c2: '1' });
		expect(renderTemplate(parseTemplate('{{cloze:Text}}{{#c1}} one{{/c1}}{{#c2}} two{{/c2}}'), 'question', ctx)).toContain('[country]</span>; the Han flows through it. two');
		expect(ctx.clozeFound).toBe(true);
		expect(render('{{type:cloze:Text}}', { Text: text }, 'answer', 1)).toBe('Seoul, Han');
		expect(render('{{type:cloze:Text}}', { Text: text }, 'question', 1)).toBe('');
	});
});

describe('the back without the front', () => {
	it('drops a leading {{FrontSide}}', () => {
		const nodes = answerWithoutFrontSide(parseTemplate('\n{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}'));
		expect(nodes && renderTemplate(nodes, 'answer', context({ Back: 'b' }), 'front').trim()).toBe('<hr id=answer>\n\nb');
		expect(answerWithoutFrontSide(parseTemplate('{{Back}} {{FrontSide}}'))).toBeUndefined();
		expect(answerWithoutFrontSide(parseTemplate('{{text:FrontSide}}'))).toBeUndefined();
	});

	it('finds what follows <hr id=answer>, however it is written', () => {
		expect(afterAnswerRule('q<hr id=answer>a')).toBe('a');
		expect(afterAnswerRule('q<hr id="answer" />a')).toBe('a');
		expect(afterAnswerRule("q<HR class='x' ID='answer'>a")).toBe('a');
		expect(afterAnswerRule('q<hr>a')).toBeUndefined();
		expect(afterAnswerRule('q<hr id="answers">a')).toBeUndefined();
	});
});
