import { describe, expect, it } from 'vitest';
import { cardImageNames, missingImages } from '../../../src/lib/io/card-images';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { makeCard } from './anki/export-helpers';

describe('the images a card shows', () => {
	it('an HTML card’s <img src>, in any quoting; a Markdown card’s image list and ![alt](src); never a URL or a plain link', () => {
		const html = makeCard('a', 'd', 'Which? <img src="Coracobrachialis.JPG" /> <IMG SRC=bare.gif>', "<img alt='x' src='single.png'><img src=\"data:image/png;base64,AAAA\">", { format: 'html' });
		expect(cardImageNames(html)).toEqual(['Coracobrachialis.JPG', 'bare.gif', 'single.png']);
		const markdown = makeCard('b', 'd', 'Map ![map](img/map.png)', 'A [link](notes.md), ![web](https://example.com/w.png)', { images: [{ src: 'listed.png', alt: '' }] });
		expect(cardImageNames(markdown)).toEqual(['listed.png', 'img/map.png']);
		// `<img src>` in a Markdown card is text, shown as written.
		expect(cardImageNames(makeCard('c', 'd', '<img src="x.png">', 'y'))).toEqual([]);
	});

	it('missingImages: those the bundle has no file of, each once', () => {
		const cards = [
			makeCard('a', 'd', '<img src="there.png"><img src="gone.jpg">', '<img src="gone.jpg">', { format: 'html' }),
			makeCard('b', 'd', 'x', 'y', { images: [{ src: 'also-gone.png', alt: '' }] })
		];
		const bundle = { ...emptyBundle('deck', 'd.json'), decks: [{ id: 'd', name: 'D', tags: [], cards }], media: [{ name: 'there.png', type: 'image/png', bytes: new Uint8Array([1]) }] };
		expect(missingImages(bundle)).toEqual(['gone.jpg', 'also-gone.png']);
	});
});
