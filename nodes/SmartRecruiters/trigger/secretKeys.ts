/**
 * The secret keys a subscription signs with, as the trigger keeps them in static data. SmartRecruiters: "a creation of
 * new one will make old one deprecated - it will be still active for 24 hours", and at most 16 are non-expired.
 */
export interface SecretKeyEntry {
	key: string;
	/** When this node learned the key (ms): the key before it counts as deprecated from then on. */
	createdAt: number;
}

export const KEY_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
const MAX_ACTIVE_KEYS = 16;

/**
 * The keys a delivery may be signed with at `now`: the newest, and each older one until 24 h after the key that
 * replaced it. A deprecated key must stop verifying once SmartRecruiters stopped signing with it, or whoever
 * learned it could sign deliveries for ever.
 */
export function activeSecretKeys(entries: SecretKeyEntry[], now: number): SecretKeyEntry[] {
	return entries.filter(
		(_entry, index) =>
			index === entries.length - 1 || now - entries[index + 1].createdAt < KEY_ROTATION_GRACE_MS,
	);
}

/** The list after a rotation to `key` (no change when it is already the newest), without expired keys. */
export function withRotatedKey(
	entries: SecretKeyEntry[],
	key: string,
	now: number,
): SecretKeyEntry[] {
	if (entries[entries.length - 1]?.key === key) return entries;
	const rotated = [...entries.filter((entry) => entry.key !== key), { key, createdAt: now }];
	return activeSecretKeys(rotated, now).slice(-MAX_ACTIVE_KEYS);
}
