import { NodeOperationError } from 'n8n-workflow';

import type { CandidateProfile, ProfileField, UpdatePlan } from './candidate';
import { missingMandatoryFields, normalizeEmail, planUpdate } from './candidate';

/** What an ATS node provides so the shared upsert-by-email flow can run against it. */
export interface CandidateStore<TRecord> {
	/** Records whose email matches exactly (case-insensitive) — the ATS's own search may be fuzzy. */
	findByEmail(email: string): Promise<TRecord[]>;
	/** Picks the record to update when several match (e.g. the active one on the wanted job). */
	choose(matches: TRecord[]): TRecord;
	toProfile(record: TRecord): CandidateProfile;
	/** Sends the create; retried after a 5xx or lost connection only when a lookup shows nothing was created. */
	create(profile: CandidateProfile): Promise<TRecord>;
	update(record: TRecord, plan: UpdatePlan): Promise<TRecord>;
}

export interface UpsertOptions {
	protectedFields: ProfileField[];
	mandatoryFields: ProfileField[];
}

export interface UpsertOutcome<TRecord> {
	action: 'created' | 'updated' | 'unchanged';
	record: TRecord;
	changedFields: ProfileField[];
	protectedFieldsKept: ProfileField[];
}

export class MandatoryFieldsMissingError extends Error {
	constructor(readonly fields: ProfileField[]) {
		super(`Mandatory field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `"${f}"`).join(', ')} ${fields.length > 1 ? 'are' : 'is'} empty`);
	}
}

export class EmailRequiredError extends Error {
	constructor() {
		super('"email" is empty: upsert finds candidates by email, so an email is required');
	}
}

/**
 * A create the vendor cannot deduplicate (neither ATS takes an idempotency key). `send` gets a `confirmNotApplied`
 * for its retry policy: after a 5xx, a reset or a timeout the create is only sent again when `findCreated` shows the
 * attempt left nothing behind. When it still fails in a way that may have reached the vendor (anything but a 4xx
 * refusal or the node's own input check), `findCreated` decides: the record is there, so its response was lost and that record is the result;
 * otherwise the error stands and the item is reported failed.
 */
export async function createOnce<TRecord>(
	send: (confirmNotApplied: () => Promise<boolean>) => Promise<TRecord>,
	findCreated: () => Promise<TRecord | undefined>,
): Promise<TRecord> {
	try {
		return await send(async () => (await findCreated()) === undefined);
	} catch (error) {
		if (neverApplied(error)) throw error;
		// A lookup that fails too leaves the original error as the reason to report.
		const created = await findCreated().catch(() => undefined);
		if (created === undefined) throw error;
		return created;
	}
}

/**
 * Nothing can have been created: the node refused the input before sending (NodeOperationError), or the vendor
 * refused the request with a 4xx (a 429 after its retries included).
 */
function neverApplied(error: unknown): boolean {
	if (error instanceof NodeOperationError) return true;
	const status = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	return status >= 400 && status < 500;
}

/**
 * Find by email → create or update. Used by both ATS nodes so dedupe, protected and mandatory fields behave the same.
 * The create goes through createOnce: a create whose response was lost is found by a second lookup instead of being
 * sent again, so neither a retry within the run nor a rerun creates a duplicate.
 */
export async function upsertCandidateByEmail<TRecord>(
	store: CandidateStore<TRecord>,
	profile: CandidateProfile,
	options: UpsertOptions,
): Promise<UpsertOutcome<TRecord>> {
	const missing = missingMandatoryFields(profile, options.mandatoryFields);
	if (missing.length > 0) throw new MandatoryFieldsMissingError(missing);
	if (!profile.email) throw new EmailRequiredError();
	const email = normalizeEmail(profile.email);

	const matches = await store.findByEmail(email);
	if (matches.length === 0) {
		let recovered = false;
		const record = await createOnce(
			// The stores retry with their own lookup (Lever's is narrowed to the posting and the time of the attempt).
			async () => await store.create(profile),
			async () => {
				const found = await store.findByEmail(email);
				recovered = found.length > 0;
				return recovered ? store.choose(found) : undefined;
			},
		);
		if (!recovered) return { action: 'created', record, changedFields: [], protectedFieldsKept: [] };
		// A create whose response was lost may have skipped what the store writes after the create (e.g. custom fields).
		const plan = planUpdate(store.toProfile(record), profile, options.protectedFields);
		const completed = Object.keys(plan.changes).length > 0 ? await store.update(record, plan) : record;
		return { action: 'created', record: completed, changedFields: [], protectedFieldsKept: [] };
	}

	const existing = store.choose(matches);
	const plan = planUpdate(store.toProfile(existing), profile, options.protectedFields);
	const changedFields = Object.keys(plan.changes) as ProfileField[];
	if (changedFields.length === 0) {
		return { action: 'unchanged', record: existing, changedFields, protectedFieldsKept: plan.protectedFieldsKept };
	}
	const record = await store.update(existing, plan);
	return { action: 'updated', record, changedFields, protectedFieldsKept: plan.protectedFieldsKept };
}
