/**
 * Text colours of imported cards in the dark theme. Anki notes often set
 * `<font color="#000000">` or `color="black"`: chosen on a white card, they are
 * near-invisible on the dark theme's card (about 1.3:1). Anki's night mode
 * adjusts such colours; so does this: a colour with less than 3:1 against the
 * dark card background gets a lighter one of the same hue for the dark theme
 * only, and the light theme keeps the note's own. The stored card is not
 * changed. Pure: colours in, colours out.
 */

/** The dark theme's card background (`--surface`), the lighter of its backgrounds: the worst case for dark text. */
export const DARK_CARD_BACKGROUND = '#222427';
/** Below this contrast a colour is changed (WCAG's minimum for large text, and what the eye still reads). */
export const MIN_DARK_CONTRAST = 3;
/** The contrast a changed colour gets: WCAG AA for body text. */
export const DARK_INK_CONTRAST = 4.5;

/**
 * The CSS colour keywords with less than MIN_DARK_CONTRAST against
 * DARK_CARD_BACKGROUND. Other keywords read well enough there and stay.
 */
const DARK_KEYWORDS: Readonly<Record<string, string>> = {
	black: '000000',
	blue: '0000ff',
	blueviolet: '8a2be2',
	brown: 'a52a2a',
	darkblue: '00008b',
	darkgreen: '006400',
	darkmagenta: '8b008b',
	darkolivegreen: '556b2f',
	darkorchid: '9932cc',
	darkred: '8b0000',
	darkslateblue: '483d8b',
	darkslategray: '2f4f4f',
	darkslategrey: '2f4f4f',
	darkviolet: '9400d3',
	dimgray: '696969',
	dimgrey: '696969',
	firebrick: 'b22222',
	indigo: '4b0082',
	maroon: '800000',
	mediumblue: '0000cd',
	mediumvioletred: 'c71585',
	midnightblue: '191970',
	navy: '000080',
	purple: '800080',
	rebeccapurple: '663399',
	saddlebrown: '8b4513',
	sienna: 'a0522d',
	slateblue: '6a5acd'
};

type Rgb = [number, number, number];

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa` or a keyword of DARK_KEYWORDS, as 0–255 channels; else undefined. */
export function parseColour(value: string): Rgb | undefined {
	const text = value.trim().toLowerCase();
	const keyword = DARK_KEYWORDS[text];
	const hex = keyword ?? /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
	if (hex === undefined) return undefined;
	const full = hex.length === 3 || hex.length === 4 ? [...hex.slice(0, 3)].map((digit) => digit + digit).join('') : hex.length === 6 || hex.length === 8 ? hex.slice(0, 6) : undefined;
	if (full === undefined) return undefined;
	return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as Rgb;
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
	const linear = (channel: number) => {
		const c = channel / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
	const [rn, gn, bn] = [r / 255, g / 255, b / 255];
	const max = Math.max(rn, gn, bn);
	const min = Math.min(rn, gn, bn);
	const lightness = (max + min) / 2;
	if (max === min) return [0, 0, lightness];
	const delta = max - min;
	const saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
	const hue = max === rn ? (gn - bn) / delta + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / delta + 2 : (rn - gn) / delta + 4;
	return [hue / 6, saturation, lightness];
}

function fromHsl(hue: number, saturation: number, lightness: number): Rgb {
	if (saturation === 0) return [lightness, lightness, lightness].map((c) => Math.round(c * 255)) as Rgb;
	const q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation;
	const p = 2 * lightness - q;
	const channel = (t: number) => {
		const x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
		if (x < 1 / 6) return p + (q - p) * 6 * x;
		if (x < 1 / 2) return q;
		if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
		return p;
	};
	return [channel(hue + 1 / 3), channel(hue), channel(hue - 1 / 3)].map((c) => Math.round(c * 255)) as Rgb;
}

const hex = (rgb: Rgb) => `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

/**
 * `value` as `#rrggbb` (`colour`) and the colour to show it in on the dark
 * theme's card (`dark`), or undefined when it reads well enough there as it is
 * (or is no colour this knows). The dark one's lightness
 * is mirrored, as night modes do (black becomes white, navy a light blue), and
 * raised further if that is still under DARK_INK_CONTRAST; hue and saturation stay.
 */
export function darkInk(value: string): { colour: string; dark: string } | undefined {
	const rgb = parseColour(value);
	const background = parseColour(DARK_CARD_BACKGROUND) as Rgb;
	if (rgb === undefined || contrast(rgb, background) >= MIN_DARK_CONTRAST) return undefined;
	const [hue, saturation, lightness] = toHsl(rgb);
	let next = Math.max(1 - lightness, lightness);
	let candidate = fromHsl(hue, saturation, next);
	while (contrast(candidate, background) < DARK_INK_CONTRAST && next < 1) {
		next = Math.min(1, next + 0.02);
		candidate = fromHsl(hue, saturation, next);
	}
	return { colour: hex(rgb), dark: hex(candidate) };
}
