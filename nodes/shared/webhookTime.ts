/**
 * The replay window of signed webhook deliveries (SmartRecruiters, Contact Event Trigger; Lever's triggeredAt too):
 * the time a sender signed at may be at most `toleranceSeconds` from now, in either direction, so a captured
 * delivery cannot be replayed later and one dated ahead cannot stay valid for longer.
 */
export function isWithinTolerance(signedAtMs: number, nowMs: number, toleranceSeconds: number): boolean {
	return Math.abs(nowMs - signedAtMs) <= toleranceSeconds * 1000;
}

/** A header carrying Unix time in seconds (digits only; anything else is malformed) within the window. */
export function isFreshUnixSeconds(value: string, nowMs: number, toleranceSeconds: number): boolean {
	if (!/^\d{1,12}$/.test(value)) return false;
	return isWithinTolerance(Number(value) * 1000, nowMs, toleranceSeconds);
}
