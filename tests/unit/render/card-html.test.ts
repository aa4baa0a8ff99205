// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import {
	MAX_MARKDOWN_LENGTH,
	MAX_NESTING_DEPTH,
	createImagePlaceholder,
	imageFallbackText,
	isSafeImageSrc,
	isSafeLinkHref,
	renderCardHtml,
	renderCardSide,
	sanitizeCardHtml
} from '../../../src/lib/render/card-html';

/** Parsed the way the browser will parse the `{@html}` output, in a document where nothing runs. */
function parse(html: string): HTMLElement {
	return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

const PNG_DATA_URL =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const ALLOWED_TAGS = new Set([
	'p',
	'br',
	'strong',
	'em',
	'del',
	'code',
	'pre',
	'ul',
	'ol',
	'li',
	'blockquote',
	'a',
	'img',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'mark',
	'span',
	'sup',
	'sub',
	'svg',
	'path'
]);

const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
	a: new Set(['href', 'title', 'target', 'rel']),
	img: new Set(['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding', 'referrerpolicy']),
	ol: new Set(['start']),
	th: new Set(['align']),
	td: new Set(['align']),
	span: new Set(['class', 'role', 'aria-label']),
	code: new Set(['lang']),
	// The image placeholder's icon (render/icons.ts), made after sanitizing, never from the card's markup.
	svg: new Set(['class', 'viewBox', 'fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'aria-hidden', 'focusable']),
	path: new Set(['d'])
};

/** What HTML sides (imported cards) may use on top: formatting only. */
const HTML_SIDE_TAGS = new Set([...ALLOWED_TAGS, 'div', 'b', 'i', 'u', 'small', 'font', 'ruby', 'rt', 'rp', 'details', 'summary']);
const HTML_SIDE_ATTRIBUTES: Record<string, Set<string>> = { ...ALLOWED_ATTRIBUTES, font: new Set(['color']) };

/** Any SVG but the icon of an image placeholder (render/icons.ts), which the renderer makes itself after sanitizing. */
const NOT_OUR_ICON = 'svg:not(.image-placeholder > svg.icon)';

/** Fails unless every element and attribute of `html` is on the allow-list, with safe URLs. */
function expectInert(html: string, format: 'markdown' | 'html' = 'markdown'): void {
	const body = parse(html);
	const tags = format === 'html' ? HTML_SIDE_TAGS : ALLOWED_TAGS;
	const attributes = format === 'html' ? HTML_SIDE_ATTRIBUTES : ALLOWED_ATTRIBUTES;
	for (const element of body.querySelectorAll('*')) {
		const tag = element.localName;
		expect(tags, `<${tag}> in ${html}`).toContain(tag);
		for (const attribute of element.attributes) {
			expect(attribute.name, `${tag}[${attribute.name}] in ${html}`).not.toMatch(/^on/i);
			expect(attributes[tag] ?? new Set(), `${tag}[${attribute.name}] in ${html}`).toContain(attribute.name);
			expect(attribute.value).not.toMatch(/url\s*\(/i);
			expect(attribute.value).not.toMatch(/(?:java|vb)script\s*:/i);
		}
		if (tag === 'span' && element.hasAttribute('class')) {
			expect(['cloze-blank', 'image-placeholder']).toContain(element.getAttribute('class'));
		}
		if (tag === 'svg') expect(element.parentElement?.getAttribute('class'), `an <svg> not our placeholder's icon in ${html}`).toBe('image-placeholder');
		const href = element.getAttribute('href');
		if (href !== null) expect(new URL(href).protocol).toMatch(/^(?:https?|mailto):$/);
		const src = element.getAttribute('src');
		if (src !== null) expect(src).toMatch(/^(?:https?:|data:image\/(?:png|jpe?g|gif|webp)[;,])/i);
	}
}

describe('renderCardHtml: Markdown', () => {
	it('renders emphasis, lists, strikethrough and autolinks', () => {
		const body = parse(renderCardHtml('**bold** *em* ~~gone~~\n\n- one\n- two\n\n3. three\n4. four\n\nhttps://example.com'));
		expect(body.querySelector('strong')?.textContent).toBe('bold');
		expect(body.querySelector('em')?.textContent).toBe('em');
		expect(body.querySelector('del, s')?.textContent).toBe('gone');
		expect([...body.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
		expect(body.querySelector('ol')?.getAttribute('start')).toBe('3');
		expect(body.querySelector('a')?.getAttribute('href')).toBe('https://example.com');
	});

	it('renders GFM tables with their alignment', () => {
		const body = parse(renderCardHtml('| 서비스 | 설명 |\n|:--|:-:|\n| EC2 | 가상 서버 |'));
		expect([...body.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['서비스', '설명']);
		expect([...body.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['EC2', '가상 서버']);
		expect(body.querySelector('th')?.getAttribute('align')).toBe('left');
		expect(body.querySelector('td:last-child')?.getAttribute('align')).toBe('center');
	});

	it('bolds Korean text whose bold ends in a parenthesis (CJK-friendly emphasis)', () => {
		const html = renderCardHtml('**EC2(Elastic Compute Cloud)**는 AWS의 가상 서버다.');
		expect(html).toBe('<p><strong>EC2(Elastic Compute Cloud)</strong>는 AWS의 가상 서버다.</p>');
	});

	it('renders code blocks and inline code literally', () => {
		const body = parse(renderCardHtml('`a < b`\n\n```ts\nconst x = "<b>";\n```'));
		expect(body.querySelector('p > code')?.textContent).toBe('a < b');
		expect(body.querySelector('pre > code')?.textContent).toBe('const x = "<b>";\n');
		expect(body.querySelector('b')).toBeNull();
	});

	it('marks inline code holding Korean as Korean, so that it is set in the text’s font; code blocks and other code stay as they are', () => {
		const body = parse(renderCardHtml('내부적으로 `자체 클라우드 컴퓨팅 인프라`를, `EC2 인스턴스`와 `aws s3 ls`\n\n```\n# 한국어 주석\nls\n```'));
		expect([...body.querySelectorAll('p > code')].map((code) => code.getAttribute('lang'))).toEqual(['ko', 'ko', null]);
		expect(body.querySelector('pre > code')?.hasAttribute('lang')).toBe(false);
		const html = parse(renderCardSide('<code lang="en">자체 인프라</code> <code lang="ko">ls</code>', { format: 'html' }));
		expect([...html.querySelectorAll('code')].map((code) => code.getAttribute('lang'))).toEqual(['ko', null]);
	});

	it('keeps headings, quotes, rules, line breaks and superscripts', () => {
		const body = parse(renderCardHtml('## 제목\n\n> 인용\n\n---\n\nline  \nbreak'));
		expect(body.querySelector('h2')?.textContent).toBe('제목');
		expect(body.querySelector('blockquote p')?.textContent).toBe('인용');
		expect(body.querySelector('hr')).not.toBeNull();
		expect(body.querySelector('br')).not.toBeNull();
		expect(parse(sanitizeCardHtml('x<sup>2</sup> H<sub>2</sub>O')).querySelectorAll('sup, sub')).toHaveLength(2);
	});

	it('shows a single line break as written, as Obsidian and Anki’s editor do: a card typed on two lines reads on two lines', () => {
		const body = parse(renderCardHtml('사과\napple'));
		expect(body.querySelectorAll('p')).toHaveLength(1);
		expect(body.querySelector('p')?.innerHTML).toBe('사과<br>\napple');
		// A blank line still starts a paragraph, and a highlight does not reach across a break.
		expect(parse(renderCardHtml('a\n\nb')).querySelectorAll('p')).toHaveLength(2);
		expect(parse(renderCardHtml('==a\nb==')).querySelector('mark')).toBeNull();
	});

	it('returns nothing for empty input', () => {
		expect(renderCardHtml('')).toBe('');
	});
});

describe('renderCardHtml: highlights', () => {
	it('turns ==text== into <mark>', () => {
		expect(renderCardHtml('정답은 ==서울==이다.')).toBe('<p>정답은 <mark>서울</mark>이다.</p>');
	});

	it('marks several highlights in one paragraph, and highlights spanning inline markup', () => {
		const body = parse(renderCardHtml('==a== and ==**b** `c`==, then ==d=='));
		const marks = [...body.querySelectorAll('mark')];
		expect(marks.map((mark) => mark.textContent)).toEqual(['a', 'b c', 'd']);
		expect(marks[1]?.querySelector('strong')?.textContent).toBe('b');
		expect(marks[1]?.querySelector('code')?.textContent).toBe('c');
		expect(body.textContent).not.toContain('==');
	});

	it('leaves == inside inline code and code blocks alone', () => {
		const body = parse(renderCardHtml('`==x==` and\n\n```\n==y==\n```'));
		expect(body.querySelector('mark')).toBeNull();
		expect(body.querySelector('p > code')?.textContent).toBe('==x==');
		expect(body.querySelector('pre > code')?.textContent).toBe('==y==\n');
	});

	it('does not treat comparisons or longer runs of = as highlights', () => {
		expect(parse(renderCardHtml('if a == b and c == d')).querySelector('mark')).toBeNull();
		expect(parse(renderCardHtml('a ===b=== c')).querySelector('mark')).toBeNull();
		expect(parse(renderCardHtml('==unclosed')).textContent).toBe('==unclosed');
	});

	it('does not pair a highlight across paragraphs', () => {
		expect(parse(renderCardHtml('==a\n\nb==')).querySelector('mark')).toBeNull();
	});

	it('highlights inside list items and table cells', () => {
		const body = parse(renderCardHtml('- ==one==\n\n| h |\n|---|\n| ==cell== |'));
		expect([...body.querySelectorAll('mark')].map((mark) => mark.parentElement?.localName)).toEqual(['li', 'td']);
	});
});

describe('renderCardHtml: cloze blanks', () => {
	it('wraps [...] and […] in a cloze-blank span', () => {
		const html = renderCardHtml('수도는 [...]이고 인구는 […]명이다.');
		expect(html).toBe(
			'<p>수도는 <span class="cloze-blank">[...]</span>이고 인구는 <span class="cloze-blank">[…]</span>명이다.</p>'
		);
	});

	it('leaves [...] in code and other brackets alone', () => {
		const body = parse(renderCardHtml('`[...]` [..] [x]'));
		expect(body.querySelector('.cloze-blank')).toBeNull();
		expect(body.textContent).toBe('[...] [..] [x]');
	});

	it('finds blanks inside emphasis and highlights', () => {
		const body = parse(renderCardHtml('**[...]** ==a [...]=='));
		expect(body.querySelectorAll('.cloze-blank')).toHaveLength(2);
		expect(body.querySelector('strong > .cloze-blank')).not.toBeNull();
		expect(body.querySelector('mark > .cloze-blank')).not.toBeNull();
	});
});

describe('renderCardHtml: links and images', () => {
	it('opens links in a new tab without an opener or referrer', () => {
		const link = parse(renderCardHtml('[AWS](https://aws.amazon.com "docs")')).querySelector('a');
		expect(link?.getAttribute('href')).toBe('https://aws.amazon.com');
		expect(link?.getAttribute('title')).toBe('docs');
		expect(link?.getAttribute('target')).toBe('_blank');
		expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
	});

	it('overrides target and rel written into raw HTML', () => {
		const link = parse(sanitizeCardHtml('<a href="https://x.test" target="_self" rel="opener">x</a>')).querySelector('a');
		expect(link?.getAttribute('target')).toBe('_blank');
		expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
	});

	it('keeps mailto links and drops relative ones', () => {
		expect(parse(renderCardHtml('[me](mailto:me@example.com)')).querySelector('a')?.getAttribute('href')).toBe(
			'mailto:me@example.com'
		);
		const relative = parse(renderCardHtml('[page](/deck/1) [up](../x)')).querySelectorAll('a');
		expect([...relative].map((a) => a.getAttribute('href'))).toEqual([null, null]);
		expect([...relative].map((a) => a.getAttribute('target'))).toEqual([null, null]);
	});

	it('loads images lazily, asynchronously and without a referrer', () => {
		const image = parse(renderCardHtml('![diagram](https://example.com/d.png "VPC")')).querySelector('img');
		expect(image?.getAttribute('src')).toBe('https://example.com/d.png');
		expect(image?.getAttribute('alt')).toBe('diagram');
		expect(image?.getAttribute('title')).toBe('VPC');
		expect(image?.getAttribute('loading')).toBe('lazy');
		expect(image?.getAttribute('decoding')).toBe('async');
		expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
	});

	it('allows raster data URLs for images', () => {
		const image = parse(renderCardHtml(`![dot](${PNG_DATA_URL})`)).querySelector('img');
		expect(image?.getAttribute('src')).toBe(PNG_DATA_URL);
	});

	it('replaces an image whose URL is not allowed with a placeholder showing its alt text', () => {
		const body = parse(renderCardHtml('![a diagram](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) ![](javascript:alert(1))'));
		expect(body.querySelector('img')).toBeNull();
		const placeholders = [...body.querySelectorAll('.image-placeholder')];
		expect(placeholders.map((p) => p.getAttribute('aria-label'))).toEqual(['a diagram', 'image']);
		expect(placeholders.map((p) => p.getAttribute('role'))).toEqual(['img', 'img']);
		expect(placeholders[0]?.textContent).toContain('a diagram');
	});

	it('gives an HTML side’s font colour too dark for the dark theme both colours, as custom properties only; no style of the card’s own', () => {
		const body = parse(renderCardSide('<font color="black" style="background:url(https://x.test/t)">a</font> <font color="red">b</font> <font color="#1a1a1a">c</font>', { format: 'html' }));
		const fonts = [...body.querySelectorAll('font')];
		expect(fonts.map((font) => [font.className, font.getAttribute('style')])).toEqual([
			['dark-ink', '--ink: #000000; --dark-ink: #ffffff'],
			['', null],
			['dark-ink', expect.stringMatching(/^--ink: #1a1a1a; --dark-ink: #[0-9a-f]{6}$/)]
		]);
		expect(fonts.map((font) => font.getAttribute('color'))).toEqual(['black', 'red', '#1a1a1a']);
	});

	it('says “image” in the UI’s language where an image has no alt text: placeholders, and an HTML side’s unnamed images', () => {
		const markdown = parse(renderCardSide('![](javascript:alert(1)) ![지도](javascript:alert(1))', { imageWord: '이미지' }));
		expect([...markdown.querySelectorAll('.image-placeholder')].map((p) => [p.getAttribute('aria-label'), p.textContent, p.firstElementChild?.localName, p.firstElementChild?.getAttribute('aria-hidden')])).toEqual([
			['이미지', '이미지', 'svg', 'true'],
			['지도', '지도', 'svg', 'true']
		]);
		const html = parse(renderCardSide('<img src="javascript:alert(1)"> <img src="https://example.com/a.png"> <img alt="" src="https://example.com/b.png"> <img alt="map" src="https://example.com/c.png">', { format: 'html', imageWord: '이미지' }));
		expect(html.querySelector('.image-placeholder')?.getAttribute('aria-label')).toBe('이미지');
		// An image with no alt attribute is named; an empty alt (decorative) and a given one stay.
		expect([...html.querySelectorAll('img')].map((image) => image.getAttribute('alt'))).toEqual(['이미지', '', 'map']);
		expect(imageFallbackText(' ', '이미지')).toBe('이미지');
		expect(parse(renderCardSide('<img src="https://example.com/a.png">', { format: 'html' })).querySelector('img')?.getAttribute('alt')).toBe('image');
	});
});

const HOSTILE_MARKDOWN: [string, string][] = [
	['script element', '<script>alert(1)</script>'],
	['img onerror', '<img src=x onerror=alert(1)>'],
	['javascript: link', '[x](javascript:alert(1))'],
	['mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))'],
	['javascript: link behind a tab entity', '[x](java&#9;script:alert(1))'],
	['javascript: link behind a named entity', '[x](javascript&colon;alert(1))'],
	['javascript: autolink', '<javascript:alert(1)>'],
	['javascript: reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
	['vbscript: link', '[x](vbscript:msgbox(1))'],
	['data:text/html link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
	['svg data URL image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
	['javascript: image', '![x](javascript:alert(1))'],
	['raw anchor', '<a href="javascript:alert(1)">x</a>'],
	['svg onload', '<svg onload=alert(1)>'],
	['iframe', '<iframe src="https://evil.test"></iframe>'],
	['style', '<style>body{display:none}</style>'],
	['alt attribute injection', '![x" onerror="alert(1)](https://example.com/a.png)'],
	['title attribute injection', '![a](https://example.com/a.png "t\\" onerror=\\"alert(1)")'],
	['href attribute injection', '[x](https://example.com/"onmouseover="alert(1))'],
	['comment trick', '<!--><img src=x onerror=alert(1)>-->'],
	['bogus comment end', '<!-- --!><script>alert(1)</script> -->'],
	['html block', '<div onclick="alert(1)">\n\n**x**\n\n</div>'],
	['inline html in emphasis', '**<img src=x onerror=alert(1)>**'],
	['highlighted raw html', '==<script>alert(1)</script>=='],
	['cloze next to raw html', '[...]<img src=x onerror=alert(1)>']
];

describe('renderCardHtml: hostile Markdown', () => {
	it.each(HOSTILE_MARKDOWN)('neutralises %s', (_, markdown) => {
		const html = renderCardHtml(markdown);
		expectInert(html);
		const body = parse(html);
		expect(body.querySelector(`script, style, iframe, ${NOT_OUR_ICON}, img[onerror], [onload], [onclick]`)).toBeNull();
	});

	it('shows raw HTML as text rather than dropping it', () => {
		expect(parse(renderCardHtml('<b>x</b>')).textContent).toBe('<b>x</b>');
	});

	it('removes the javascript: target but keeps the link text', () => {
		const link = parse(renderCardHtml('[click me](javascript:alert(1))')).querySelector('a');
		expect(link?.textContent).toBe('click me');
		expect(link?.hasAttribute('href')).toBe(false);
	});
});

const HOSTILE_HTML: [string, string][] = [
	['script element', '<p>a</p><script>alert(1)</script>'],
	['img onerror', '<img src=x onerror=alert(1)>'],
	['javascript: href', '<a href="javascript:alert(1)">x</a>'],
	['javascript: href with whitespace and entities', '<a href=" jav&#x09;ascript&colon;alert(1)">x</a>'],
	['vbscript: href', '<a href="vbscript:msgbox(1)">x</a>'],
	['data:text/html href', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
	['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
	['svg data URL image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
	['iframe', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
	['style element and attribute', '<style>*{color:red}</style><p style="background:url(javascript:alert(1))">x</p>'],
	['object and embed', '<object data="x.swf"></object><embed src="x.swf">'],
	['form action', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>'],
	['math xlink', '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
	['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
	['comment trick', '<!--><img src=x onerror=alert(1)>-->'],
	['base and meta', '<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
	['foreign class and id', '<span class="cloze-blank evil" id="x" data-x="1" style="color:red">a</span><p class="evil">b</p>'],
	['attribute on the wrong tag', '<p align="center" start="1" href="https://x.test">x</p><td align="javascript:alert(1)">'],
	['non-numeric start', '<ol start="1 onmouseover=alert(1)"><li>x</li></ol>'],
	['template', '<template><img src=x onerror=alert(1)></template>'],
	['aria and role', '<p role="button" aria-label="x">y</p>'],
	['audio with a javascript: or remote src', '<audio src="javascript:alert(1)" autoplay onplay="alert(1)"></audio><audio controls><source src="https://evil.test/a.mp3"></audio>'],
	['video and track', '<video src="blob:https://x/y" autoplay><track src="https://evil.test/t.vtt"></video>'],
	['a play button of the card’s own', '<button class="card-sound" data-sound="x.mp3" onclick="alert(1)">Play sound</button>']
];

describe('sanitizeCardHtml: hostile HTML (the second line of defence)', () => {
	it.each(HOSTILE_HTML)('neutralises %s', (_, html) => {
		expectInert(sanitizeCardHtml(html));
	});

	it('keeps a legitimate cloze-blank span', () => {
		expect(sanitizeCardHtml('<span class="cloze-blank">x</span>')).toBe('<span class="cloze-blank">x</span>');
		expect(sanitizeCardHtml('<span class="other">x</span>')).toBe('<span>x</span>');
	});
});

describe('URL policy', () => {
	it.each([
		['https://example.com/a', true],
		['http://example.com', true],
		['mailto:a@example.com', true],
		['javascript:alert(1)', false],
		[' JAVASCRIPT:alert(1)', false],
		['java\tscript:alert(1)', false],
		['data:text/html,x', false],
		['/relative', false],
		['', false]
	])('link %j is allowed: %s', (href, allowed) => {
		expect(isSafeLinkHref(href)).toBe(allowed);
	});

	it.each([
		['https://example.com/a.png', true],
		[PNG_DATA_URL, true],
		['data:image/jpeg;base64,AAAA', true],
		['data:image/gif;base64,AAAA', true],
		['data:image/webp;base64,AAAA', true],
		['data:image/svg+xml;base64,AAAA', false],
		['data:image/svg+xml,<svg/>', false],
		['data:text/html,<script>', false],
		['javascript:alert(1)', false],
		['blob:https://example.com/1', false],
		['mailto:a@example.com', false],
		['a.png', false]
	])('image %j is allowed: %s', (src, allowed) => {
		expect(isSafeImageSrc(src)).toBe(allowed);
	});
});

describe('image placeholders', () => {
	it('falls back to "image" for a missing or generic alt text', () => {
		expect(imageFallbackText('  VPC diagram ')).toBe('VPC diagram');
		expect(imageFallbackText('')).toBe('image');
		expect(imageFallbackText('   ')).toBe('image');
		expect(imageFallbackText('Image')).toBe('image');
	});

	it('builds the placeholder from text and our icon only', () => {
		const placeholder = createImagePlaceholder(document, '<img src=x onerror=alert(1)>');
		expect([...placeholder.children].map((child) => child.localName)).toEqual(['svg']);
		expect(placeholder.textContent).toBe('<img src=x onerror=alert(1)>');
		expect(placeholder.getAttribute('aria-label')).toBe('<img src=x onerror=alert(1)>');
		expect(parse(placeholder.outerHTML).querySelector('img')).toBeNull();
	});
});

describe('renderCardHtml: isolation and size', () => {
	it('leaves the shared DOMPurify instance untouched', () => {
		renderCardHtml('[x](https://example.com) ![y](https://example.com/y.png)');
		const html = DOMPurify.sanitize('<a href="/relative">x</a><p class="note">y</p>');
		expect(html).toBe('<a href="/relative">x</a><p class="note">y</p>');
	});

	it('renders 1 MB of Markdown without throwing, as plain text', () => {
		const unit = '- **굵게(bold)**는 ==강조== 와 `code` [...] <script>alert(1)</script>\n\n';
		const markdown = unit.repeat(Math.ceil(1_000_000 / unit.length));
		expect(markdown.length).toBeGreaterThan(MAX_MARKDOWN_LENGTH);
		const html = renderCardHtml(markdown);
		const body = parse(html);
		expect(body.querySelector('script')).toBeNull();
		expect(body.textContent).toContain('**굵게(bold)**는');
		// Highlights and blanks still work: they carry the answer of a cloze card.
		expect(body.querySelectorAll('mark').length).toBe(body.querySelectorAll('.cloze-blank').length);
		expect(body.querySelector('mark')?.textContent).toBe('강조');
	}, 30_000);

	it('renders Markdown just under the size limit', () => {
		const unit = '| a | b |\n|---|---|\n| **1** | 2 |\n\n';
		const markdown = unit.repeat(Math.floor(MAX_MARKDOWN_LENGTH / unit.length));
		const body = parse(renderCardHtml(markdown));
		expect(body.querySelectorAll('table').length).toBe(Math.floor(MAX_MARKDOWN_LENGTH / unit.length));
	}, 30_000);

	it('renders nesting up to the depth limit as Markdown', () => {
		const quotes = MAX_NESTING_DEPTH - 1; // the paragraph inside is a level too
		const body = parse(renderCardHtml('>'.repeat(quotes) + ' deep ==x=='));
		expect(body.querySelectorAll('blockquote')).toHaveLength(quotes);
		expect(body.querySelector('mark')?.textContent).toBe('x');
		expect(parse(renderCardHtml('>'.repeat(quotes + 1) + ' deep')).querySelector('blockquote')).toBeNull();
	});

	it.each([
		['quotes', '>'.repeat(5_000) + ' deep ==x=='],
		['lists', Array.from({ length: 130 }, (_, level) => `${' '.repeat(level * 2)}- ==x==`).join('\n')],
		['emphasis', '*a '.repeat(1_000) + '==x==' + ' a*'.repeat(1_000)]
	])('shows pathologically nested %s as plain text', (_, markdown) => {
		expect(markdown.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
		const body = parse(renderCardHtml(markdown));
		expect(body.querySelector('blockquote, ul, em')).toBeNull();
		expect(body.querySelector('mark')?.textContent).toBe('x');
	}, 30_000);
});

/** Markup of imported (Anki) cards that must come out inert, on top of HOSTILE_HTML. */
const HOSTILE_CARD_HTML: [string, string][] = [
	['a template script', '<div id="image-occlusion-container"></div><script>anki.imageOcclusion.setup()</script>'],
	['style element with url()', '<style>.card{background:url(https://evil.test/track.png)}</style>x'],
	['style attribute with url()', '<div style="background-image:url(https://evil.test/t.png)">x</div>'],
	['font with CSS in its colour', '<font color="red;background:url(https://evil.test/t.png)" face="x" size="7">x</font>'],
	['font colour as a function', '<font color="expression(alert(1))">x</font>'],
	['details ontoggle', '<details open ontoggle="alert(1)"><summary onclick="alert(1)">hint</summary>y</details>'],
	['ruby handlers', '<ruby onmouseover="alert(1)">漢<rt onclick="alert(1)">かん</rt></ruby>'],
	['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.test/">'],
	['link stylesheet', '<link rel="stylesheet" href="https://evil.test/x.css">'],
	['svg script', '<svg><script>alert(1)</script></svg>'],
	['svg animate to javascript:', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>'],
	['svg use', '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgb25sb2FkPSdhbGVydCgxKSc+PC9zdmc+#x"/></svg>'],
	['MathML namespace confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
	['MathML href', '<math href="javascript:alert(1)"><mi>x</mi></math>'],
	['iframe src', '<iframe src="javascript:alert(1)"></iframe>'],
	['audio and video', '<audio src="a.mp3" autoplay onplay="alert(1)"></audio><video poster="javascript:alert(1)"><source src="v.mp4"></video>'],
	['input autofocus', '<input autofocus onfocus="alert(1)">'],
	['blob: link', '<a href="blob:https://evil.test/1">x</a>'],
	['blob: image not from the resolver', '<img src="blob:https://evil.test/1">'],
	['id and class for the app’s CSS', '<div id="answer" class="card-side">x</div>']
];

describe('renderCardSide: HTML sides (imported cards)', () => {
	const html = (text: string, resolveImage?: (src: string) => string | undefined) => renderCardSide(text, { format: 'html', resolveImage });

	it('keeps the formatting Anki cards use, in one <div>, without reading Markdown', () => {
		expect(html('<b>bold</b> <i>it</i> <u>under</u> **not markdown** ==not a highlight==<br><div>line</div>')).toBe(
			'<div><b>bold</b> <i>it</i> <u>under</u> **not markdown** ==not a highlight==<br><div>line</div></div>'
		);
		expect(html('<font color="#ff0000" face="Arial" size="7">red</font>')).toBe('<div><font color="#ff0000">red</font></div>');
		expect(html('<font color="red">red</font>')).toBe('<div><font color="red">red</font></div>');
		expect(html('<ruby>漢字<rt>かんじ</rt></ruby>')).toBe('<div><ruby>漢字<rt>かんじ</rt></ruby></div>');
		expect(html('<details><summary>Hint</summary>text</details>')).toBe('<div><details><summary>Hint</summary>text</details></div>');
		expect(html('<span class="cloze-blank">[...]</span> and <mark>Seoul</mark>')).toBe('<div><span class="cloze-blank">[...]</span> and <mark>Seoul</mark></div>');
		expect(html('')).toBe('');
	});

	it('drops styles, ids and classes', () => {
		expect(html('<div style="color:red" id="answer" class="x">a</div><hr id=answer>')).toBe('<div><div>a</div><hr></div>');
	});

	it('keeps an image’s size in whole pixels: its width and height, or the ones its style gives (the style itself goes)', () => {
		const sizes = (text: string) => [...parse(html(text)).querySelectorAll('img')].map((image) => [image.getAttribute('width'), image.getAttribute('height'), image.getAttribute('style')]);
		const src = 'https://example.com/a.png';
		expect(sizes(`<img src="${src}" width="300" height="200px"> <img src="${src}" width=" 120.5 ">`)).toEqual([
			['300', '200', null],
			['120', null, null]
		]);
		// Anki's editor and add-ons size an image by its style; a width attribute it has wins, `max-width` is no width.
		expect(
			sizes(`<img src="${src}" style="width: 320px; height:240.0px"> <img src="${src}" width="90" style="width:400px"> <img src="${src}" style="max-width: 50px; color: red">`)
		).toEqual([
			['320', '240', null],
			['90', null, null],
			[null, null, null]
		]);
		// Nothing but pixels: no percentage, zero, expression or URL, and no size on another element.
		expect(
			sizes(
				`<img src="${src}" width="50%" height="0"> <img src="${src}" width="calc(1px)" style="width: 50%; height: url(x)px"> <img src="${src}" width="9px;background:url(https://x.test)">`
			)
		).toEqual([
			[null, null, null],
			[null, null, null],
			[null, null, null]
		]);
		// No larger than a note's own width may be: an unloaded lazy image would hold a box that tall.
		expect(sizes(`<img src="${src}" width="4000" height="4001">`)).toEqual([['4000', null, null]]);
		expect(html('<table><tr><td width="300">a</td></tr></table><div width="10">b</div>')).not.toContain('width');
		expectInert(html(`<img src="${src}" width="300" style="width: 10px; background: url(https://x.test/t)">`), 'html');
	});

	it('leaves Markdown sides as they were', () => {
		expect(renderCardSide('**x** ==y==')).toBe(renderCardHtml('**x** ==y=='));
		expect(renderCardSide('<b>x</b>', { format: 'markdown' })).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
	});

	it.each([...HOSTILE_HTML, ...HOSTILE_CARD_HTML])('neutralises %s', (_, payload) => {
		const out = html(payload, (src) => (src === 'known.png' ? 'blob:http://localhost/1' : undefined));
		expectInert(out, 'html');
		expect(parse(out).querySelector(`script, style, iframe, ${NOT_OUR_ICON}, math, meta, link, object, embed, audio, video, input, form`)).toBeNull();
	});

	it('shows an image that is not an allowed URL as its placeholder', () => {
		const body = parse(html('<img src="paris.png" alt="Paris"> and <img src="javascript:alert(1)">'));
		expect(body.querySelector('img')).toBeNull();
		expect([...body.querySelectorAll('.image-placeholder')].map((node) => node.getAttribute('aria-label'))).toEqual(['Paris', 'image']);
	});

	it('is plain text past the size limit or the nesting limit', () => {
		const long = '<b>x</b><script>alert(1)</script>'.repeat(Math.ceil(MAX_MARKDOWN_LENGTH / 30));
		const body = parse(html(long));
		expect(body.querySelector('b, script')).toBeNull();
		expect(body.textContent).toContain('xalert(1)x');
		const deep = '<div>'.repeat(MAX_NESTING_DEPTH + 5) + 'deep' + '</div>'.repeat(MAX_NESTING_DEPTH + 5);
		expect(parse(html(deep)).textContent?.trim()).toBe('deep');
		expect(parse(html(deep)).querySelectorAll('div')).toHaveLength(0);
	});
});

describe('renderCardSide: resolveImage, for imported media', () => {
	const MEDIA = 'bf55feb19d30793c5ec49ff3ad09d4e7e19eabfb631bcc5c1b2db45f69b65144.png';
	const urls: Record<string, string> = { [MEDIA]: 'blob:http://localhost:4173/0b7c1c0e-5f0b-4a40-9c71-2f1d1e0b8a55' };
	const resolveImage = (src: string) => urls[src];

	it('swaps a stored media name for the URL the UI gives, and keeps everything else about the image', () => {
		const body = parse(renderCardSide(`<img src="${MEDIA}" alt="a diagram">`, { format: 'html', resolveImage }));
		const image = body.querySelector('img');
		expect(image?.getAttribute('src')).toBe(urls[MEDIA]);
		expect(image?.getAttribute('alt')).toBe('a diagram');
		expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
	});

	it('works for Markdown sides too', () => {
		const body = parse(renderCardSide(`![diagram](${MEDIA})`, { resolveImage }));
		expect(body.querySelector('img')?.getAttribute('src')).toBe(urls[MEDIA]);
	});

	it('shows the placeholder for a name it does not know, or without a resolver', () => {
		expect(parse(renderCardSide('<img src="other.png">', { format: 'html', resolveImage })).querySelector('img')).toBeNull();
		expect(parse(renderCardSide(`<img src="${MEDIA}">`, { format: 'html' })).querySelector('.image-placeholder')).not.toBeNull();
	});

	it('keeps a bare file name the resolver gives (an exporter keeping media names)', () => {
		const out = renderCardSide(`<img src="${MEDIA}"><img src="other.png">`, { format: 'html', resolveImage: (src) => (src === MEDIA ? src : undefined) });
		expect([...parse(out).querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual([MEDIA]);
		expect(parse(renderCardSide('![a](a b.png)', { resolveImage: (src) => src })).querySelector('img')).toBeNull();
		expect(parse(renderCardSide('![a](<a b.png>)', { resolveImage: (src) => src })).querySelector('img')?.getAttribute('src')).toBe('a%20b.png');
	});

	it('takes only image URLs and bare file names from the resolver', () => {
		for (const bad of [
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'data:image/svg+xml,<svg onload=alert(1)>',
			'../up.png',
			'/root.png',
			'//evil.test/x.png',
			'a\\b.png',
			'x.png?track=1',
			' x.png',
			'..'
		]) {
			const out = renderCardSide(`<img src="${MEDIA}">`, { format: 'html', resolveImage: () => bad });
			expect(parse(out).querySelector('img'), bad).toBeNull();
		}
		const data = renderCardSide(`<img src="${MEDIA}">`, { format: 'html', resolveImage: () => PNG_DATA_URL });
		expect(parse(data).querySelector('img')?.getAttribute('src')).toBe(PNG_DATA_URL);
	});

	it('is asked about image sources only, never links', () => {
		const asked: string[] = [];
		renderCardSide(`<a href="${MEDIA}">x</a><img src="${MEDIA}">`, {
			format: 'html',
			resolveImage: (src) => {
				asked.push(src);
				return urls[src];
			}
		});
		expect(asked).toEqual([MEDIA]);
		// And is forgotten after the call.
		expect(parse(renderCardSide(`<img src="${MEDIA}">`, { format: 'html' })).querySelector('img')).toBeNull();
	});
});
