/**
 * The service worker seen from the page: registered with workbox-window in
 * production builds, it tells when the app is first ready to work offline and
 * when a new version is waiting. The update is applied only when the person
 * accepts, and the reload waits for any answer being stored.
 */
import { dev } from '$app/environment';
import type { Workbox } from 'workbox-window';
import { writesSettled } from './pending-writes';

/**
 * How long a reload that goes ahead may keep the old page alive. Past it, the person answered "Stay" to the
 * browser's question about leaving (unsaved text, `askBeforeLeavingUnsaved`): the new version controls the page
 * while the old code runs on, and the app asks for the reload again.
 */
const RELOAD_REFUSED_AFTER_MS = 1500;

/** Most of the first load settled: the window's load event, or a few seconds when a card's remote image holds it up. */
function pageSettled(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => resolve();
		window.addEventListener('load', done, { once: true });
		setTimeout(done, 3000);
	});
}

class OfflineApp {
	/** The first version was just installed: the app now works with no network. */
	offlineReady = $state(false);
	/** A new version is installed and waiting for the person to accept it. */
	updateWaiting = $state(false);
	/** The accepted version took control, but the page was not reloaded into it: it still runs the old code. */
	reloadNeeded = $state(false);
	#workbox: Workbox | undefined;
	#started = false;
	/** The person accepted a waiting version: the next worker to take control brings it. */
	#accepted = false;

	async start(): Promise<void> {
		if (this.#started || dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		this.#started = true;
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox('/service-worker.js');
		workbox.addEventListener('installed', (event) => {
			if (!event.isUpdate) this.offlineReady = true;
		});
		workbox.addEventListener('waiting', () => {
			this.updateWaiting = true;
		});
		workbox.addEventListener('controlling', (event) => {
			// A tab opened before any version was installed registered with no controller: workbox-window calls
			// what then takes over no update, though the person accepted one there. The first install taking
			// control (clients.claim) is neither, and needs no reload.
			if (event.isUpdate || this.#accepted) this.reload();
		});
		this.#workbox = workbox;
		try {
			await pageSettled();
			await workbox.register({ immediate: true });
		} catch (error) {
			// No offline support (a private window, say): the app still works online.
			console.warn('Recall: the offline service worker could not be registered', error);
		}
	}

	acceptUpdate(): void {
		this.updateWaiting = false;
		this.#accepted = true;
		this.#workbox?.messageSkipWaiting();
	}

	/** Reloads into the version in control once any answer being stored is stored; asks again if the page stays. */
	reload(): void {
		this.reloadNeeded = false;
		void writesSettled().then(() => {
			let leaving = false;
			const left = () => (leaving = true);
			window.addEventListener('pagehide', left, { once: true });
			window.location.reload();
			setTimeout(() => {
				window.removeEventListener('pagehide', left);
				if (!leaving) this.reloadNeeded = true;
			}, RELOAD_REFUSED_AFTER_MS);
		});
	}

	declineUpdate(): void {
		this.updateWaiting = false;
	}

	dismissOfflineReady(): void {
		this.offlineReady = false;
	}
}

export const offlineApp = new OfflineApp();
