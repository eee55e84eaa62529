import type { CandidateProfile, ProfileField, UpdatePlan } from './candidate';
import { missingMandatoryFields, normalizeEmail, planUpdate } from './candidate';

/** What an ATS node provides so the shared upsert-by-email flow can run against it. */
export interface CandidateStore<TRecord> {
	/** Records whose email matches exactly (case-insensitive) — the ATS's own search may be fuzzy. */
	findByEmail(email: string): Promise<TRecord[]>;
	/** Picks the record to update when several match (e.g. the active one on the wanted job). */
	choose(matches: TRecord[]): TRecord;
	toProfile(record: TRecord): CandidateProfile;
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
 * Find by email → create or update. Used by both ATS nodes so dedupe, protected and mandatory fields behave the same.
 * A create that fails after it may have reached the ATS (5xx, lost connection) is followed by a second lookup:
 * if the candidate now exists, that is the result — a retried run never creates a duplicate.
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
		try {
			const record = await store.create(profile);
			return { action: 'created', record, changedFields: [], protectedFieldsKept: [] };
		} catch (error) {
			const afterFailure = await store.findByEmail(email);
			if (afterFailure.length === 0) throw error;
			return { action: 'created', record: store.choose(afterFailure), changedFields: [], protectedFieldsKept: [] };
		}
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
