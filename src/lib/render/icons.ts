/**
 * The app's few pictograms as inline SVG, drawn in the text's colour (currentColor) at the text's size (em): an
 * emoji (🔊, 🖼) shows as an empty box where no emoji font is installed (Debian's Chromium, some Linux desktops).
 * One drawing for both ways an icon is made: the Icon component (Svelte), and `createIcon` for the markup a card's
 * side is rendered to (card-html.ts), made after sanitizing, so no card's own SVG is ever let through. Each is
 * decoration (aria-hidden): what it stands for is said in words beside it, or in its control's name.
 */

/** Every icon's drawing space; its strokes are 2 units wide. */
const ICON_VIEW_BOX = '0 0 24 24';

/** The class of every icon, which the app's stylesheet sizes and aligns (app.css). */
const ICON_CLASS = 'icon';

const SPEAKER = 'M4 9.5h3.5L12 5.5v13l-4.5-4H4z';

/** Each icon's paths, stroked in currentColor. */
export const ICONS = {
	/** A speaker with sound waves: a sound to play. */
	sound: [SPEAKER, 'M15.5 9a4.5 4.5 0 0 1 0 6', 'M18.5 6a8.5 8.5 0 0 1 0 12'],
	/** A speaker struck out: a sound not on this device. */
	'sound-missing': [SPEAKER, 'M16 9.5l5 5', 'M21 9.5l-5 5'],
	/** A framed landscape: an image. */
	image: ['M4 5h16v14H4z', 'M4 16.5l4.5-4.5 4 4 2.5-2.5 5 5', 'M14 9.5a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0']
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;

/** The attributes of an icon's `<svg>`, but its class. */
const ICON_ATTRIBUTES = {
	viewBox: ICON_VIEW_BOX,
	fill: 'none',
	stroke: 'currentColor',
	'stroke-width': '2',
	'stroke-linecap': 'round',
	'stroke-linejoin': 'round',
	'aria-hidden': 'true',
	focusable: 'false'
} as const;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** An icon as DOM of `document`: in card HTML (a sound's button, a missing image) and in the Icon component. */
export function createIcon(document: Document, name: IconName): SVGSVGElement {
	const svg = document.createElementNS(SVG_NAMESPACE, 'svg');
	svg.setAttribute('class', ICON_CLASS);
	for (const [attribute, value] of Object.entries(ICON_ATTRIBUTES)) svg.setAttribute(attribute, value);
	for (const d of ICONS[name]) {
		const path = document.createElementNS(SVG_NAMESPACE, 'path');
		path.setAttribute('d', d);
		svg.append(path);
	}
	return svg;
}
