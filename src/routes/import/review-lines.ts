/**
 * What the import preview says of the review log a file brings: its answers (grades given), and apart from them
 * the cards it gives a schedule without an answer. An Anki package brings each studied card's schedule as a row
 * of the log beside its answers: counted with them, a learner would read a package of 5 cards answered once each
 * as 10 answers.
 */
import type { ImportPreview } from '$lib/db';

interface ReviewLine {
	key: 'importPreviewReviews' | 'importPreviewSchedules';
	count: number;
}

/** The preview's lines about the review log, in order; none for a file that adds nothing to it. */
export function reviewLines(reviews: Pick<ImportPreview['reviews'], 'answers' | 'schedules'>): ReviewLine[] {
	const lines: ReviewLine[] = [];
	if (reviews.answers > 0) lines.push({ key: 'importPreviewReviews', count: reviews.answers });
	if (reviews.schedules > 0) lines.push({ key: 'importPreviewSchedules', count: reviews.schedules });
	return lines;
}
