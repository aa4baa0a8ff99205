import type { PageLoad } from './$types';
import { loadStudyData } from './study-data';

// Not awaited: the page (its header and a loading line) paints at once, while the store opens.
export const load: PageLoad = ({ params }) => ({ study: loadStudyData(params.scope) });
