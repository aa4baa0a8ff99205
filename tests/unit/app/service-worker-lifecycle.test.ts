import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activateWaiting, followServiceWorker, WAITING_SETTLES_MS, type LifecycleEvents } from '../../../src/lib/app/service-worker-lifecycle';

/** A service worker, registration and container as a browser drives them through the lifecycle's steps. */
class FakeWorker extends EventTarget {
	state: ServiceWorkerState = 'installing';
	readonly messages: unknown[] = [];

	postMessage(message: unknown): void {
		this.messages.push(message);
	}

	become(state: ServiceWorkerState): void {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
}

class FakeBrowser extends EventTarget {
	controller: FakeWorker | null = null;
	readonly registration = new FakeRegistration();
	readonly registered: string[] = [];

	async register(url: string): Promise<FakeRegistration> {
		this.registered.push(url);
		return this.registration;
	}

	/** A new version found and installed: it waits while another is active. */
	install(): FakeWorker {
		const worker = new FakeWorker();
		this.registration.installing = worker;
		this.registration.dispatchEvent(new Event('updatefound'));
		this.registration.installing = null;
		this.registration.waiting = worker;
		worker.become('installed');
		return worker;
	}

	/** The waiting version activates and claims the page (service-worker.ts's clients.claim). */
	activate(worker: FakeWorker): void {
		this.registration.waiting = null;
		this.registration.active = worker;
		worker.become('activating');
		worker.become('activated');
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

function recorder(): LifecycleEvents & { events: string[] } {
	const events: string[] = [];
	return {
		events,
		firstInstalled: () => events.push('first installed'),
		waiting: () => events.push('waiting'),
		controllerChanged: (wasControlled) => events.push(wasControlled ? 'controller changed (was controlled)' : 'controller changed')
	};
}

const follow = (browser: FakeBrowser, on: LifecycleEvents) => followServiceWorker(browser as unknown as ServiceWorkerContainer, '/service-worker.js', on);

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('followServiceWorker', () => {
	it('on a first visit says the first version installed, never that it waits, and its taking control is no update', async () => {
		const browser = new FakeBrowser();
		const on = recorder();
		await follow(browser, on);
		expect(browser.registered).toEqual(['/service-worker.js']);
		const worker = browser.install();
		// With no version before it, it activates at once.
		browser.activate(worker);
		vi.advanceTimersByTime(WAITING_SETTLES_MS * 2);
		expect(on.events).toEqual(['first installed', 'controller changed']);
	});

	it('on a page a version controls, says a new version waits once it still waits, and not that the app is ready offline', async () => {
		const browser = new FakeBrowser();
		const old = new FakeWorker();
		old.state = 'activated';
		browser.controller = old;
		browser.registration.active = old;
		const on = recorder();
		await follow(browser, on);
		const next = browser.install();
		expect(on.events).toEqual([]);
		vi.advanceTimersByTime(WAITING_SETTLES_MS);
		expect(on.events).toEqual(['waiting']);

		const registration = browser.registration as unknown as ServiceWorkerRegistration;
		activateWaiting(registration);
		expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
		browser.activate(next);
		expect(on.events).toEqual(['waiting', 'controller changed (was controlled)']);
	});

	it('says at once that a version installed on an earlier visit still waits', async () => {
		const browser = new FakeBrowser();
		const old = new FakeWorker();
		browser.controller = old;
		browser.registration.active = old;
		browser.registration.waiting = new FakeWorker();
		const on = recorder();
		await follow(browser, on);
		expect(on.events).toEqual(['waiting']);
	});

	it('in the tab the first version installed from, says a later version waits, and the app is ready offline only once', async () => {
		const browser = new FakeBrowser();
		const on = recorder();
		await follow(browser, on);
		browser.activate(browser.install());
		const next = browser.install();
		vi.advanceTimersByTime(WAITING_SETTLES_MS);
		expect(on.events).toEqual(['first installed', 'controller changed', 'waiting']);
		browser.activate(next);
		// No version controlled the page when it registered: whether to reload is the caller's (an accepted update).
		expect(on.events.at(-1)).toBe('controller changed');
	});

	it('follows a worker that was already installing when the registration came back, once', async () => {
		const browser = new FakeBrowser();
		const worker = new FakeWorker();
		browser.registration.installing = worker;
		const on = recorder();
		await follow(browser, on);
		// The browser then fires updatefound for the same worker.
		browser.registration.dispatchEvent(new Event('updatefound'));
		browser.registration.installing = null;
		browser.registration.waiting = worker;
		worker.become('installed');
		browser.activate(worker);
		vi.advanceTimersByTime(WAITING_SETTLES_MS);
		expect(on.events).toEqual(['first installed', 'controller changed']);
	});

	it('sends nothing when no version waits', () => {
		expect(() => activateWaiting(undefined)).not.toThrow();
		expect(() => activateWaiting(new FakeRegistration() as unknown as ServiceWorkerRegistration)).not.toThrow();
	});
});
