/**
 * An element's height as the browser lays it out, reported from a ResizeObserver only: `{@attach laidOutHeight(set)}`.
 * Svelte's `bind:offsetHeight` also reads the height as the element mounts, which forces a layout in the middle of
 * building the page: the study screen's first card waited 3 to 10 ms for it (bench/study.bench.ts). The observer
 * reports after the browser's own layout and before it paints, so what depends on the height is still in the first frame.
 */
import type { Attachment } from 'svelte/attachments';

export function laidOutHeight(report: (height: number) => void): Attachment<HTMLElement> {
	return (element) => {
		const observer = new ResizeObserver(([entry]) => {
			const box = entry?.borderBoxSize[0];
			if (box !== undefined) report(box.blockSize);
		});
		observer.observe(element);
		return () => observer.disconnect();
	};
}
