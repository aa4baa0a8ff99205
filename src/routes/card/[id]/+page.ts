import { error } from '@sveltejs/kit';
import { appReady } from '$lib/app/boot';
import { database, loadSettings } from '$lib/db';
import { loadCardInfo } from '$lib/db/own-cards';
import { studyDay } from '$lib/srs/day';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, depends }) => {
	depends('recall:card');
	await appReady();
	const db = database();
	const [info, settings] = await Promise.all([loadCardInfo(db, params.id), loadSettings(db)]);
	if (info === undefined) error(404, `There is no card "${params.id}".`);
	return { ...info, today: studyDay(Date.now(), { dayStartHour: settings.dayStartHour }), gradeButtons: settings.gradeButtons };
};
