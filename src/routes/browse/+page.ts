import { appReady } from '$lib/app/boot';
import { database, loadSettings } from '$lib/db';
import { studyDay } from '$lib/srs/day';
import { readBrowseParams } from './browse';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url }) => {
	// The search in the address: opened from a link, or come back to (shallow replaceState keeps it current).
	const params = readBrowseParams(url.searchParams);
	await appReady();
	const settings = await loadSettings(database());
	return { today: studyDay(Date.now(), { dayStartHour: settings.dayStartHour }), dayStartHour: settings.dayStartHour, params };
};
