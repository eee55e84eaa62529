import type { IDataObject } from 'n8n-workflow';

/**
 * Ids a trigger has already handled, kept in the node's static data (n8n persists it, and so does ats-sync's state
 * file) so a vendor's retry or a replayed delivery does not start a second run. The newest `capacity` ids are kept.
 *
 * Checking and remembering are separate steps on purpose: a caller remembers an id only once the work that makes
 * it "handled" is done (e.g. after the lookups that decide whether a delivery is emitted), so a failure in between
 * leaves the id unremembered and the vendor's retry is processed again.
 */
export interface SeenIds {
	has(id: string): boolean;
	/** Records ids as the newest, dropping the oldest beyond the capacity. */
	remember(...ids: string[]): void;
	forget(id: string): void;
}

export function seenIds(staticData: IDataObject, key: string, capacity: number): SeenIds {
	const stored = (): string[] =>
		Array.isArray(staticData[key]) ? (staticData[key] as string[]) : [];
	return {
		has: (id) => stored().includes(id),
		remember(...ids) {
			const kept = [...stored().filter((known) => !ids.includes(known)), ...ids];
			staticData[key] = kept.slice(Math.max(0, kept.length - capacity));
		},
		forget(id) {
			staticData[key] = stored().filter((known) => known !== id);
		},
	};
}
