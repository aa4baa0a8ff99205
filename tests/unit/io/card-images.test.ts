import { describe, expect, it } from 'vitest';
import { cardImageReferences, imageFilesShown, imageNameCandidates, missingImages, missingMediaWarnings, missingSounds, mediaNameCandidates, namesMediaFile } from '../../../src/lib/io/card-images';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { makeCard } from './anki/export-helpers';

/** The images a card shows, as it writes them. */
const cardImageNames = (card: Parameters<typeof cardImageReferences>[0]) => cardImageReferences(card).map((reference) => reference.src);

const html = (front: string, back = '') => makeCard('h', 'd', front, back, { format: 'html' });
const markdown = (front: string, back = '') => makeCard('m', 'd', front, back);

describe('the images a card shows', () => {
	it('an HTML card’s <img src>, in any quoting; a Markdown card’s image list and ![alt](src); never a URL or a plain link', () => {
		const card = makeCard('a', 'd', 'Which? <img src="Coracobrachialis.JPG" /> <IMG SRC=bare.gif>', "<img alt='x' src='single.png'><img src=\"data:image/png;base64,AAAA\">", { format: 'html' });
		expect(cardImageNames(card)).toEqual(['Coracobrachialis.JPG', 'bare.gif', 'single.png']);
		const listed = makeCard('b', 'd', 'Map ![map](img/map.png)', 'A [link](notes.md), ![web](https://example.com/w.png)', { images: [{ src: 'listed.png', alt: '' }] });
		expect(cardImageNames(listed)).toEqual(['listed.png', 'img/map.png']);
		// `<img src>` in a Markdown card is text, shown as written; `![alt](src)` in an HTML card too.
		expect(cardImageNames(makeCard('c', 'd', '<img src="x.png">', 'y'))).toEqual([]);
		expect(cardImageNames(html('![x](x.png)'))).toEqual([]);
	});

	it('HTML: the src attribute itself, whatever its quoting, or none', () => {
		expect(cardImageNames(html('<img src = "spaced.png" ><img\nsrc=\'newline.png\'><img src=bare.png/>'))).toEqual(['spaced.png', 'newline.png', 'bare.png/']);
		// No src, an empty one, or src only in another attribute's name or value: no image named.
		expect(cardImageNames(html('<img alt="x"><img src=""><img src><img data-src="lazy.png"><img alt="a src=trap.png" title=\'src="t.png"\'>'))).toEqual([]);
		// The first src counts, as in a browser; `<imgx>` is no image.
		expect(cardImageNames(html('<img src="first.png" src="second.png"><imgx src="not.png">'))).toEqual(['first.png']);
		// Character references decoded, as the browser hands the src to the page.
		expect(cardImageNames(html('<img src="a&amp;b.png"><img src="caf&#233;.png">'))).toEqual(['a&b.png', 'café.png']);
		// A > inside a quoted value does not end the tag.
		expect(cardImageNames(html('<img alt="a > b" src="after.png">'))).toEqual(['after.png']);
	});

	it('Markdown: a title, angle brackets, escapes, brackets in the alt text, parentheses in the path', () => {
		const card = markdown(
			'![a](titled.png "The title") ![b](<with space.png>) ![c](<angled.png> \'t\') ![alt [nested]](nested.png)',
			'![d](paren(1).png) ![e](esc\\_aped.png) \\![not](escaped.png) [![f](linked.png)](https://example.com) ![g]()'
		);
		expect(cardImageNames(card)).toEqual(['titled.png', 'with space.png', 'angled.png', 'nested.png', 'paren(1).png', 'esc_aped.png', 'linked.png']);
	});

	it('URLs are not media: http(s), data:, blob:, //host, a root path, an anchor', () => {
		const card = html(
			'<img src="https://example.com/a.png"><img src="HTTP://EXAMPLE.COM/b.png"><img src="data:image/png;base64,AAAA"><img src="blob:https://app/1">',
			'<img src="//cdn.example.com/c.png"><img src="/d.png"><img src="#e"><img src="mailto:x@y"><img src="file.png">'
		);
		expect(cardImageNames(card)).toEqual(['file.png']);
		expect(cardImageNames(markdown('![w](https://example.com/w.png) ![d](data:image/gif;base64,R0lG) ![b](blob:x)', 'x'))).toEqual([]);
		expect(cardImageNames(makeCard('l', 'd', 'x', 'y', { images: [{ src: 'https://example.com/a.png', alt: '' }, { src: 'deck/a.png', alt: '' }] }))).toEqual(['deck/a.png']);
	});

	it('paths with folders are names as written; a percent-encoded name may mean the decoded one', () => {
		const card = markdown('![m](img/sub/map.png) ![s](img/my%20map.png)', '![k](img/%EC%A7%80%EB%8F%84.png) ![bad](100%.png)');
		expect(cardImageReferences(card)).toEqual([
			{ src: 'img/sub/map.png', names: ['img/sub/map.png'] },
			{ src: 'img/my%20map.png', names: ['img/my%20map.png', 'img/my map.png'] },
			{ src: 'img/%EC%A7%80%EB%8F%84.png', names: ['img/%EC%A7%80%EB%8F%84.png', 'img/지도.png'] },
			{ src: '100%.png', names: ['100%.png'] }
		]);
		expect(cardImageNames(html('<img src="folder/sub/x.png"><img src="my%20pic.png">'))).toEqual(['folder/sub/x.png', 'my%20pic.png']);
	});

	it('the files a card shows: the first of its names that is stored, once; the candidates to look for', () => {
		const cards = [html('<img src="my%20pic.png"><img src="plain.png">'), markdown('![x](my%20pic.png)', '![y](gone.png)')];
		expect([...imageNameCandidates(cards)]).toEqual(['my%20pic.png', 'my pic.png', 'plain.png', 'gone.png']);
		expect([...imageFilesShown(cards, new Set(['my pic.png', 'plain.png', 'unused.png']))]).toEqual(['my pic.png', 'plain.png']);
		// The name as written wins when both are stored.
		expect([...imageFilesShown(cards, new Set(['my pic.png', 'my%20pic.png']))]).toEqual(['my%20pic.png']);
	});

	it('missingImages: those the bundle has no file of (under any of their names), each once', () => {
		const cards = [
			makeCard('a', 'd', '<img src="there.png"><img src="gone.jpg">', '<img src="gone.jpg"><img src="my%20pic.png">', { format: 'html' }),
			makeCard('b', 'd', 'x', 'y', { images: [{ src: 'also-gone.png', alt: '' }] })
		];
		const file = (name: string) => ({ name, type: 'image/png', bytes: new Uint8Array([1]) });
		const bundle = { ...emptyBundle('deck', 'd.json'), decks: [{ id: 'd', name: 'D', tags: [], cards }], media: [file('there.png'), file('my pic.png')] };
		expect(missingImages(bundle)).toEqual(['gone.jpg', 'also-gone.png']);
		// Named as people read them: markdown-it writes a link percent-encoded.
		const korean = { ...bundle, decks: [{ id: 'd', name: 'D', tags: [], cards: [makeCard('c', 'd', 'x', '![한글](img/%ED%95%9C%EA%B8%80.png) ![](100%.png)')] }] };
		expect(missingImages(korean)).toEqual(['img/한글.png', '100%.png']);
		expect(missingMediaWarnings(bundle).map((notice) => notice.message)).toEqual([
			'The image "gone.jpg" is not on this device; the file names it, without the image.',
			'The image "also-gone.png" is not on this device; the file names it, without the image.'
		]);
	});

	it('the sounds the cards play ([sound:name], either format): looked for by an export, and said when they are not there', () => {
		const cards = [makeCard('a', 'd', '[sound:there.mp3] [sound:clip.mp4]', '[sound:gone%20away.ogg]', { format: 'html' }), makeCard('b', 'd', '[sound:there.mp3]', 'y')];
		const bundle = { ...emptyBundle('deck', 'd.json'), decks: [{ id: 'd', name: 'D', tags: [], cards }], media: [{ name: 'there.mp3', type: 'audio/mpeg', bytes: new Uint8Array([1]) }] };
		expect([...mediaNameCandidates(cards)]).toEqual(['there.mp3', 'gone%20away.ogg', 'gone away.ogg']);
		expect(missingSounds(bundle)).toEqual(['gone away.ogg']);
		expect(missingMediaWarnings(bundle).map((notice) => notice.message)).toEqual(['The sound "gone away.ogg" is not on this device; the file names it, without the sound.']);
	});
});

describe('whether a card names a media file', () => {
	it('an image or a sound by a file’s name does; a URL’s image, a video’s tag, an image without a source or written as text do not', () => {
		expect([html('<img src="map.png">'), html('x', '[sound:word.mp3]'), markdown('![m](img/m.png)'), makeCard('l', 'd', 'x', 'y', { images: [{ src: 'd/a.png', alt: '' }] })].map(namesMediaFile)).toEqual([true, true, true, true]);
		expect([html('<img src="https://example.com/a.png">'), html('[sound:clip.mp4]'), html('<img alt="x">'), markdown('<img src="x.png">'), html('plain')].map(namesMediaFile)).toEqual([false, false, false, false, false]);
	});
});
