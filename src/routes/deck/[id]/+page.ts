import { error } from '@sveltejs/kit';
import { appReady } from '$lib/app/boot';
import { database, loadDeckView, loadSettings } from '$lib/db';
import { studyDay } from '$lib/srs/day';
import type { PageLoad } from './$types';

// From the store rather than the build's deck: retired cards and each card's progress are only there.
export const load: PageLoad = async ({ params, depends }) => {
	depends('recall:deck');
	await appReady();
	const db = database();
	const [view, settings] = await Promise.all([loadDeckView(db, params.id), loadSettings(db)]);
	if (view === undefined) error(404, `There is no deck "${params.id}".`);
	return { ...view, settings, today: studyDay(Date.now(), { dayStartHour: settings.dayStartHour }) };
};
