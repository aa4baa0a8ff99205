/**
 * The offline service worker's lifecycle as the page follows it: the first
 * version installed (the app now works offline), a new version waiting for the
 * person to accept it, and a version taking control of the page. The plain
 * Service Worker API, for the three events the app needs: workbox-window,
 * which did this before, was 2.3 kB gzipped on every first load.
 */

export interface LifecycleEvents {
	/** The first version installed: there was none before it. */
	firstInstalled: () => void;
	/** A new version is installed and waits: a version already controls this page's kind. */
	waiting: () => void;
	/** Another version took control of the page; `wasControlled`: one controlled it when the page registered. */
	controllerChanged: (wasControlled: boolean) => void;
}

/**
 * A worker that has just installed is waiting even when it is about to activate (the first version, with none to
 * wait for): it is taken to wait for the person when it still waits after this.
 */
export const WAITING_SETTLES_MS = 200;

/** What a waiting version's worker takes as the person's acceptance (service-worker.ts's message listener). */
const SKIP_WAITING_MESSAGE = { type: 'SKIP_WAITING' };

/** Registers the worker at `url` and reports its lifecycle to `on`; resolves to the registration. */
export async function followServiceWorker(container: ServiceWorkerContainer, url: string, on: LifecycleEvents): Promise<ServiceWorkerRegistration> {
	const wasControlled = container.controller !== null;
	container.addEventListener('controllerchange', () => on.controllerChanged(wasControlled));
	const registration = await container.register(url);
	const followed = new WeakSet<ServiceWorker>();
	const follow = (worker: ServiceWorker | null) => {
		if (worker === null || followed.has(worker)) return;
		followed.add(worker);
		const first = registration.active === null;
		worker.addEventListener('statechange', () => {
			if (worker.state !== 'installed') return;
			if (first) on.firstInstalled();
			setTimeout(() => {
				if (registration.waiting === worker) on.waiting();
			}, WAITING_SETTLES_MS);
		});
	};
	// A version installed on an earlier visit that the person has not accepted yet.
	if (registration.waiting !== null) on.waiting();
	follow(registration.installing);
	registration.addEventListener('updatefound', () => follow(registration.installing));
	return registration;
}

/** Tells the waiting version to take over; it then takes control (`controllerChanged`). */
export function activateWaiting(registration: ServiceWorkerRegistration | undefined): void {
	registration?.waiting?.postMessage(SKIP_WAITING_MESSAGE);
}
