/**
 * Asks before a form's unsaved text is left behind: a link, Back, or closing
 * the page would drop what was typed, as Anki's own editor never does (it
 * saves as one types). Call it while a component initialises.
 */
import { beforeNavigate } from '$app/navigation';

export function askBeforeLeavingUnsaved(isUnsaved: () => boolean, question: () => string): void {
	beforeNavigate((navigation) => {
		if (!isUnsaved()) return;
		// Closing or reloading the page: cancelling makes the browser ask, in its own words.
		if (navigation.type === 'leave') navigation.cancel();
		else if (!window.confirm(question())) navigation.cancel();
	});
}
