/**
 * Whether the store is being upgraded to this version right now: an upgrade
 * reads the whole log once (migrations.ts), seconds for a long history, and the
 * page should say why it waits. No Dexie here, so that the layout can follow it
 * without loading the store.
 */
type Listener = (upgrading: boolean) => void;

const listeners = new Set<Listener>();
let upgrading = false;

/** Called by the upgrades as they start and end. */
export function setUpgrading(value: boolean): void {
	if (value === upgrading) return;
	upgrading = value;
	for (const listener of listeners) listener(value);
}

/** Calls `listener` now and whenever an upgrade starts or ends; returns the unsubscribe. */
export function onUpgrading(listener: Listener): () => void {
	listeners.add(listener);
	listener(upgrading);
	return () => listeners.delete(listener);
}
