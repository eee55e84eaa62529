import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CandidateProfile, ProfileField, UpdatePlan } from './candidate';
import { missingMandatoryFields, normalizeEmail, planUpdate } from './candidate';

/** What a store reports after a write: the record, and what it did not store (the upsert reports both). */
export interface StoreWrite<TRecord> {
	record: TRecord;
	/** The fields the write changed, where an ATS cannot change every field of an existing record. Default: all planned. */
	written?: ProfileField[];
	/** Values the ATS has no place for, in words, e.g. a second phone number. */
	notStored?: string[];
}

/** What an ATS node provides so the shared upsert-by-email flow can run against it. */
export interface CandidateStore<TRecord> {
	/** Records whose email matches exactly (case-insensitive) — the ATS's own search may be fuzzy. */
	findByEmail(email: string): Promise<TRecord[]>;
	/** Picks the record to update when several match (e.g. the active one on the wanted job). */
	choose(matches: TRecord[]): TRecord;
	toProfile(record: TRecord): CandidateProfile;
	/** Sends the create; retried after a 5xx or lost connection only when a lookup shows nothing was created. */
	create(profile: CandidateProfile): Promise<StoreWrite<TRecord>>;
	update(record: TRecord, plan: UpdatePlan): Promise<StoreWrite<TRecord>>;
	/**
	 * For the check after a create (two processes creating the same person at once): a record's id, when it was
	 * created, and whether it is a candidacy a new record would duplicate (e.g. active, on the same job).
	 */
	raceEntry(record: TRecord): { id: string; createdAt: number; competes: boolean };
	/** Takes a record this upsert created, and that lost the race, out of the way the ATS allows (archive, delete). */
	discard(record: TRecord): Promise<void>;
}

export interface UpsertOptions {
	protectedFields: ProfileField[];
	mandatoryFields: ProfileField[];
	/** Profile fields the ATS has no place for: checked as mandatory, then left out and reported as ignored. */
	fieldsNotStored: ProfileField[];
	/** For errors: the node and the input item. */
	node: INode;
	itemIndex: number;
}

export interface UpsertOutcome<TRecord> {
	action: 'created' | 'updated' | 'unchanged';
	record: TRecord;
	/** The record this upsert created and took out again because another process created the same person first. */
	duplicateDiscarded?: string;
	changedFields: ProfileField[];
	protectedFieldsKept: ProfileField[];
	ignoredFields: ProfileField[];
	notStored: string[];
}

export class MandatoryFieldsMissingError extends Error {
	constructor(readonly fields: ProfileField[]) {
		super(
			`Mandatory field${fields.length > 1 ? 's' : ''} ${fields.map((f) => `"${f}"`).join(', ')} ${fields.length > 1 ? 'are' : 'is'} empty`,
		);
	}
}

/**
 * A create the vendor cannot deduplicate (neither ATS takes an idempotency key). `send` gets a `confirmNotApplied`
 * for its retry policy: after a 5xx, a reset or a timeout the create is only sent again when `findCreated` shows the
 * attempt left nothing behind. When it still fails in a way that may have reached the vendor (anything but a 4xx
 * refusal or the node's own input check), `findCreated` decides: the record is there, so its response was lost and
 * that record is the result; otherwise the error stands and the item is reported failed.
 */
export async function createOnce<TRecord>(
	send: (confirmNotApplied: () => Promise<boolean>) => Promise<TRecord>,
	findCreated: () => Promise<TRecord | undefined>,
): Promise<TRecord> {
	let failure: unknown;
	try {
		return await send(async () => (await findCreated()) === undefined);
	} catch (error) {
		failure = error;
	}
	if (neverApplied(failure)) throw failure;
	// A lookup that fails too leaves the original error as the reason to report.
	const created = await findCreated().catch(() => undefined);
	if (created === undefined) throw failure;
	return created;
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
 * The record that stays when several processes created the same person at once: the oldest, then the lowest id.
 * Every process decides the same from the same records, so no process needs to know about the others.
 */
export function raceWinner<TRecord>(
	store: CandidateStore<TRecord>,
	records: TRecord[],
): TRecord | undefined {
	return [...records].sort((a, b) => {
		const [first, second] = [store.raceEntry(a), store.raceEntry(b)];
		return (
			first.createdAt - second.createdAt ||
			(first.id < second.id ? -1 : first.id > second.id ? 1 : 0)
		);
	})[0];
}

/**
 * Find by email → create or update. Used by both ATS nodes so dedupe, protected and mandatory fields behave the same.
 * The create goes through createOnce: a create whose response was lost is found by a second lookup instead of being
 * sent again, so neither a retry within the run nor a rerun creates a duplicate.
 */
export async function upsertCandidateByEmail<TRecord>(
	store: CandidateStore<TRecord>,
	incoming: CandidateProfile,
	options: UpsertOptions,
): Promise<UpsertOutcome<TRecord>> {
	const fail = (message: string) =>
		new NodeOperationError(options.node, message, { itemIndex: options.itemIndex });
	// Mandatory fields are checked on the whole profile, including fields the ATS cannot store.
	const missing = missingMandatoryFields(incoming, options.mandatoryFields);
	if (missing.length > 0) throw fail(new MandatoryFieldsMissingError(missing).message);
	if (!incoming.email)
		throw fail('"email" is empty: upsert finds candidates by email, so an email is required');
	const ignoredFields = options.fieldsNotStored.filter((field) => incoming[field] !== undefined);
	const profile: CandidateProfile = { ...incoming };
	for (const field of ignoredFields) delete profile[field];
	const email = normalizeEmail(incoming.email);
	const reported = { ignoredFields, protectedFieldsKept: [] as ProfileField[] };

	const matches = await store.findByEmail(email);
	if (matches.length === 0) {
		const created = await createOnce<{ write: StoreWrite<TRecord>; recovered: boolean }>(
			// The stores retry with their own lookup (Lever's is narrowed to the posting and the time of the attempt).
			async () => ({ write: await store.create(profile), recovered: false }),
			async () => {
				const found = await store.findByEmail(email);
				return found.length > 0
					? { write: { record: store.choose(found) }, recovered: true }
					: undefined;
			},
		);
		const notStored = created.write.notStored ?? [];
		if (!created.recovered) {
			const winner = await raceCheck(store, email, created.write.record);
			if (winner === undefined)
				return {
					action: 'created',
					record: created.write.record,
					changedFields: [],
					notStored,
					...reported,
				};
			// Another process created the same person first: ours is gone, this item's profile goes onto theirs.
			const outcome = await updateExisting(
				store,
				winner,
				profile,
				options.protectedFields,
				reported,
			);
			return { ...outcome, duplicateDiscarded: store.raceEntry(created.write.record).id };
		}
		// A create whose response was lost may have skipped what the store writes after the create (e.g. custom fields).
		const plan = planUpdate(
			store.toProfile(created.write.record),
			profile,
			options.protectedFields,
		);
		const completed =
			Object.keys(plan.changes).length > 0
				? await store.update(created.write.record, plan)
				: created.write;
		return {
			action: 'created',
			record: completed.record,
			changedFields: [],
			notStored: completed.notStored ?? [],
			...reported,
		};
	}

	return await updateExisting(
		store,
		store.choose(matches),
		profile,
		options.protectedFields,
		reported,
	);
}

/**
 * The check after a create. Two processes that look a new person up at the same moment both find nothing and both
 * create (neither ATS takes an idempotency key or a unique email). Each looks again right after its create; when an
 * older competing record shows up, this process's record lost: it is discarded and the winner returned (undefined
 * when this process's record stays). A process only ever removes the record it created itself.
 */
async function raceCheck<TRecord>(
	store: CandidateStore<TRecord>,
	email: string,
	created: TRecord,
): Promise<TRecord | undefined> {
	const ownId = store.raceEntry(created).id;
	const found = await store.findByEmail(email);
	const rivals = found.filter(
		(record) => store.raceEntry(record).id !== ownId && store.raceEntry(record).competes,
	);
	if (rivals.length === 0) return undefined;
	// Compared as the look-up shows it, like every other process sees it.
	const own = found.find((record) => store.raceEntry(record).id === ownId) ?? created;
	const winner = raceWinner(store, [own, ...rivals]);
	if (winner === undefined || store.raceEntry(winner).id === ownId) return undefined;
	await store.discard(own);
	return winner;
}

async function updateExisting<TRecord>(
	store: CandidateStore<TRecord>,
	existing: TRecord,
	profile: CandidateProfile,
	protectedFields: ProfileField[],
	reported: { ignoredFields: ProfileField[]; protectedFieldsKept: ProfileField[] },
): Promise<UpsertOutcome<TRecord>> {
	const plan = planUpdate(store.toProfile(existing), profile, protectedFields);
	const planned = Object.keys(plan.changes) as ProfileField[];
	const kept = { ...reported, protectedFieldsKept: plan.protectedFieldsKept };
	if (planned.length === 0)
		return { action: 'unchanged', record: existing, changedFields: [], notStored: [], ...kept };
	const updated = await store.update(existing, plan);
	const changedFields = planned.filter((field) => (updated.written ?? planned).includes(field));
	return {
		action: changedFields.length > 0 ? 'updated' : 'unchanged',
		record: updated.record,
		changedFields,
		notStored: updated.notStored ?? [],
		...kept,
	};
}
