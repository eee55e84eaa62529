import type { INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Signed webhook deliveries (Lever, SmartRecruiters, Contact Event Trigger). The replay window: the time a sender
 * signed at may be at most `toleranceSeconds` from now, in either direction, so a captured delivery cannot be
 * replayed later and one dated ahead cannot stay valid for longer.
 */
export function isWithinTolerance(
	signedAtMs: number,
	nowMs: number,
	toleranceSeconds: number,
): boolean {
	return Math.abs(nowMs - signedAtMs) <= toleranceSeconds * 1000;
}

/** A header carrying Unix time in seconds (digits only; anything else is malformed) within the window. */
export function isFreshUnixSeconds(
	value: string,
	nowMs: number,
	toleranceSeconds: number,
): boolean {
	if (!/^\d{1,12}$/.test(value)) return false;
	return isWithinTolerance(Number(value) * 1000, nowMs, toleranceSeconds);
}

/** The triggers' "Signature Tolerance (Seconds)" option (`options.toleranceSeconds`); `description` says what is signed. */
export function signatureToleranceOption(description: string): INodeProperties {
	return {
		displayName: 'Signature Tolerance (Seconds)',
		name: 'toleranceSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description,
	};
}

/** Answers 401 itself, so that nothing of the workflow runs for a delivery that failed the check. */
export function refuseDelivery(context: IWebhookFunctions, reason: string): IWebhookResponseData {
	context.getResponseObject().status(401).json({ message: reason });
	return { noWebhookResponse: true };
}
