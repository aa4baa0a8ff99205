/**
 * The card browser page's logic: its state in the URL (so that coming back
 * from a card's info finds the same search), paging (the plain-text
 * excerpt a result shows of a card's front is $lib/render/side-text).
 */
import { SORT_KEYS, type SortDirection, type SortKey } from '$lib/search/sort';

/** Results per page. */
export const PAGE_SIZE = 50;

export interface BrowseParams {
	q: string;
	sort: SortKey;
	dir: SortDirection;
	/** 1-based. */
	page: number;
}

export const DEFAULT_PARAMS: BrowseParams = { q: '', sort: 'added', dir: 'asc', page: 1 };

export function readBrowseParams(params: URLSearchParams): BrowseParams {
	const sort = params.get('sort');
	const page = Number(params.get('page'));
	return {
		q: params.get('q') ?? '',
		sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : DEFAULT_PARAMS.sort,
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
		page: Number.isInteger(page) && page >= 1 ? page : 1
	};
}

/** The browser's address for `params`, defaults left out. */
export function browseHref(params: BrowseParams): string {
	const search = new URLSearchParams();
	if (params.q !== '') search.set('q', params.q);
	if (params.sort !== DEFAULT_PARAMS.sort) search.set('sort', params.sort);
	if (params.dir !== DEFAULT_PARAMS.dir) search.set('dir', params.dir);
	if (params.page !== 1) search.set('page', String(params.page));
	const query = search.toString();
	return query === '' ? '/browse' : `/browse?${query}`;
}

/**
 * The address to write for `params`, or undefined when `address` (the one the browser shows) says the same already.
 * Compared as URLSearchParams writes it: an address that differs only in its encoding (%20 for +) is left as it is.
 * `address` must be the browser's own (location), not SvelteKit's `page.url`: a shallow replaceState leaves
 * `page.url` where the page was opened, so a search put back to it (Added after Lapses) would look written already.
 */
export function addressToWrite(params: BrowseParams, address: { pathname: string; search: string }): string | undefined {
	const href = browseHref(params);
	const search = new URLSearchParams(address.search).toString();
	return href === `${address.pathname}${search === '' ? '' : `?${search}`}` ? undefined : href;
}

export function pageCount(total: number): number {
	return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The page `page` of `items` (clamped to the pages there are), and which page it is. Only that page is sliced: `items` may be sorted as it is read (SortedCards). */
export function pageOf<T>(items: { readonly length: number; slice(start: number, end: number): T[] }, page: number): { items: T[]; page: number; pages: number } {
	const pages = pageCount(items.length);
	const current = Math.min(Math.max(1, Math.floor(page)), pages);
	return { items: items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
}

export function formatDate(at: number, locale: string): string {
	// As card info and the deck page write a day: `dateStyle: 'medium'` is '2026. 11. 27.' in Korean, they '2026년 11월 27일'.
	return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
}
