import type { DOMPurify as Purifier } from 'dompurify';
import { newPurifier } from './card-html';

/**
 * An SVG image is a document that can carry script. A card shows it in an
 * <img>, which never runs any, but its blob: URL has the app's origin: opened
 * on its own ("Open image in new tab"), the SVG would run as the app, with its
 * store. So an SVG is sanitized before it is given a URL (media-urls.svelte.ts):
 * parsed as XML, put through DOMPurify's SVG profile (no script, no event
 * handlers, no foreignObject, no animation of links, no javascript: URLs), and
 * written out again. One that does not parse as SVG is not shown at all.
 */
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

let purifier: Purifier | undefined;

/** An instance of its own: card-html.ts's hooks would strip an SVG's attributes. */
function getPurifier(): Purifier {
	purifier ??= newPurifier('Sanitizing an SVG');
	return purifier;
}

/** The SVG as text that can run nothing, or undefined when it is not an SVG document. */
export function sanitizeSvg(text: string): string | undefined {
	const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
	const root = doc.documentElement;
	if (doc.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') return undefined;
	try {
		getPurifier().sanitize(root, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['style'] });
	} catch {
		return undefined;
	}
	return new XMLSerializer().serializeToString(root);
}
