// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderCardSide, sanitizeCardHtml, SOUND_BUTTON_CLASS, SOUND_MISSING_CLASS, type SoundRendering } from '../../../src/lib/render/card-html';
import { ICONS } from '../../../src/lib/render/icons';

function parse(html: string): HTMLElement {
	return new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
}

/** Fails unless `element` starts with the icon of `paths` as render/icons.ts draws it. */
function expectIcon(element: Element | null, paths: readonly string[]): void {
	const svg = element?.firstElementChild;
	expect(svg?.namespaceURI).toBe('http://www.w3.org/2000/svg');
	expect(svg?.localName).toBe('svg');
	expect([svg?.getAttribute('class'), svg?.getAttribute('aria-hidden'), svg?.getAttribute('stroke'), svg?.getAttribute('viewBox')]).toEqual(['icon', 'true', 'currentColor', '0 0 24 24']);
	expect([...(svg?.querySelectorAll('path') ?? [])].map((path) => path.getAttribute('d'))).toEqual(paths);
}

const HELLO = `hello.${'a'.repeat(64)}.mp3`;
const KOREAN: SoundRendering = { playWord: '소리 재생', missingWord: '소리를 쓸 수 없음' };

describe('renderCardSide: sounds ([sound:name])', () => {
	it('turns each playable [sound:] of an HTML side into a real play button named by the file, in place', () => {
		const body = parse(renderCardSide(`Listen <b>now</b> [sound:${HELLO}] and [sound:rain.ogg]`, { format: 'html' }));
		const buttons = [...body.querySelectorAll('button')];
		expect(buttons.map((button) => [button.type, button.className, button.dataset.sound, button.getAttribute('aria-label'), button.textContent])).toEqual([
			['button', SOUND_BUTTON_CLASS, HELLO, 'Play sound: hello.mp3', 'Play sound'],
			['button', SOUND_BUTTON_CLASS, 'rain.ogg', 'Play sound: rain.ogg', 'Play sound']
		]);
		expect(body.textContent).toBe('Listen now Play sound and Play sound');
		// Each shows our speaker, drawn in the text's colour and hidden from screen readers (the button's name says it).
		for (const button of buttons) expectIcon(button, ICONS.sound);
	});

	it('draws no emoji, which is an empty box where no emoji font is installed', () => {
		const html = renderCardSide(`[sound:${HELLO}] [sound:gone.mp3] ![](javascript:alert(1))`, { sounds: { ...KOREAN, isMissing: (name) => name === 'gone.mp3' } });
		expect(html).not.toMatch(/\p{Extended_Pictographic}/u);
		const body = parse(html);
		expect(body.querySelectorAll('svg')).toHaveLength(3);
	});

	it('says it in Korean, and does the same in a Markdown side, but not inside code', () => {
		const body = parse(renderCardSide('들어 보세요 [sound:a.wav]\n\n`[sound:b.wav]`', { sounds: KOREAN }));
		expect([...body.querySelectorAll('button')].map((button) => button.getAttribute('aria-label'))).toEqual(['소리 재생: a.wav']);
		expect(body.querySelector('code')?.textContent).toBe('[sound:b.wav]');
	});

	it('shows a sound not on this device as visible text that says so', () => {
		const html = renderCardSide(`[sound:${HELLO}] [sound:there.mp3]`, { format: 'html', sounds: { ...KOREAN, isMissing: (name) => name === HELLO } });
		const body = parse(html);
		expect(body.querySelector(`.${SOUND_MISSING_CLASS}`)?.textContent).toBe('소리를 쓸 수 없음: hello.mp3');
		expectIcon(body.querySelector(`.${SOUND_MISSING_CLASS}`), ICONS['sound-missing']);
		expect([...body.querySelectorAll('button')].map((button) => button.dataset.sound)).toEqual(['there.mp3']);
	});

	it('leaves a [sound:] of a video, or of no sound type, as text', () => {
		expect(renderCardSide('[sound:clip.mp4] [sound:noext]', { format: 'html' })).toBe('<div>[sound:clip.mp4] [sound:noext]</div>');
	});
});

describe('sounds: hostile input', () => {
	const render = (html: string) => parse(renderCardSide(html, { format: 'html' }));

	it('makes no button or audio from the card’s own markup', () => {
		const body = render(
			'<button class="card-sound" data-sound="x.mp3" onclick="alert(1)">b</button><audio src="javascript:alert(1)" autoplay></audio><audio controls><source src="https://evil.example/x.mp3"></audio><video src="x.webm"></video><span class="card-sound" data-sound="x.mp3">s</span>'
		);
		expect(body.querySelectorAll('button, audio, source, video')).toHaveLength(0);
		expect(body.querySelector('[data-sound]')).toBeNull();
		expect(body.querySelector('[onclick]')).toBeNull();
		expect(body.innerHTML).not.toMatch(/javascript:|evil\.example/);
	});

	it('keeps a name with markup or quotes as text in a button’s attribute, never as markup', () => {
		const body = render('[sound:&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.mp3]');
		const button = body.querySelector('button');
		expect(button?.dataset.sound).toBe('"><img src=x onerror=alert(1)>.mp3');
		expect(body.querySelector('img')).toBeNull();
		expect(body.querySelectorAll('[onerror]')).toHaveLength(0);
	});

	it('a button carries only a name, never a URL to load: a javascript: or remote name is the page player’s to refuse', () => {
		const body = render('[sound:javascript:alert(1).mp3] [sound:https://evil.example/a.mp3]');
		for (const button of body.querySelectorAll('button')) {
			expect([...button.attributes].map((attribute) => attribute.name).sort()).toEqual(['aria-label', 'class', 'data-sound', 'type']);
		}
	});

	it('keeps no SVG of the card’s own, one dressed as our icon included: the only ones are the icons made after sanitizing', () => {
		const own = '<svg class="icon" aria-hidden="true" onload="alert(1)"><path d="M0 0"/><a href="javascript:alert(1)"><text>x</text></a><script>alert(1)</script></svg>';
		for (const body of [render(`${own} [sound:a.mp3]`), parse(renderCardSide(`${own}\n\n[sound:a.mp3]`))]) {
			expect(body.querySelectorAll('svg')).toHaveLength(1);
			expect(body.querySelector('svg')?.parentElement?.localName).toBe('button');
			expect(body.querySelectorAll('[onload], script, a')).toHaveLength(0);
		}
	});

	it('the plain sanitizer (a Markdown side) refuses audio and buttons as it did', () => {
		expect(sanitizeCardHtml('<audio src="blob:https://x/y" autoplay></audio><button>x</button>')).toBe('x');
	});
});
