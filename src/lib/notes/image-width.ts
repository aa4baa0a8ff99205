/** The widest an image's own width may ask (Obsidian's `![[cell.png|300]]`): the card shows it no wider than the card in any case. */
export const MAX_IMAGE_WIDTH = 4000;
