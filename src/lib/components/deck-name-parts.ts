/**
 * Where a long deck name may wrap (the import preview's table, the study page's title). A table cell keeps its words whole (app.css) and breaks one only when it is
 * longer than the cell: an Anki deck's name, `Medicine::Pharmacology::Antibiotics`, is one "word" to the
 * browser, which would then break it at any letter. The page puts a word-break opportunity (`<wbr>`) after each
 * part of the name returned here: after `::` (Anki's sub-deck separator), `/` and `_`, where a reader expects it.
 */
const BREAK_AFTER = /(?<=::|\/|_)(?=.)/u;

/** `name` in parts that, laid out one after another with a break opportunity between them, read as `name`. */
export function nameParts(name: string): string[] {
	return name.split(BREAK_AFTER);
}
