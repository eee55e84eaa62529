import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pollStartFrom } from '../../shared/poll';
import { seenIds } from '../../shared/seenIds';
import type { CandidateDetails } from '../helpers/candidate';
import { jobIdsOf } from '../helpers/candidate';
import { getApplication } from '../helpers/lookups';
import { smartRecruitersApiRequestAllItems } from '../transport';

interface PollState extends IDataObject {
	/** `updatedOn` of the newest candidate seen; taken from SmartRecruiters' data, never from this machine's clock. */
	cursor?: string;
	/** Candidates already emitted with exactly that `updatedOn`: the next poll asks from just before it and skips them. */
	idsAtCursor?: string[];
}

/**
 * Applications already emitted in a status, as `candidateId/jobId@STATUS` (see seenIds): a hired candidate who is
 * edited later is not emitted as a new hire again; one whose hire was undone and redone is.
 */
const EMITTED_APPLICATIONS = 'emittedApplications';

const MANUAL_SAMPLE_SIZE = 5;
const REMEMBERED_APPLICATIONS = 2_000;

/**
 * One poll. In a manual test run it returns a few recent candidates and leaves the cursor alone. When active, the
 * first poll starts the cursor at "now" (or at "Start From" for a backfill) and later polls return every candidate
 * changed past the cursor; with "Application Has Status", one item per application of theirs in a chosen status.
 */
export async function pollCandidates(this: IPollFunctions): Promise<IDataObject[] | null> {
	const state = this.getWorkflowStaticData('node') as PollState;
	const event = this.getNodeParameter('event') as 'candidateChanged' | 'applicationHasStatus';
	const statuses = event === 'applicationHasStatus' ? (this.getNodeParameter('statuses', []) as string[]) : [];
	if (event === 'applicationHasStatus' && statuses.length === 0) {
		throw new NodeOperationError(this.getNode(), '"Statuses" is empty: choose the application statuses to trigger on');
	}
	const manual = this.getMode() === 'manual';
	if (!state.cursor && !manual) {
		const startFrom = pollStartFrom(this);
		if (startFrom === undefined) {
			// First activation: remember where to start; nothing before activation is emitted.
			state.cursor = new Date().toISOString();
			state.idsAtCursor = [];
			return null;
		}
		state.cursor = new Date(startFrom).toISOString();
	}

	const qs: IDataObject = {};
	// `updatedAfter` is exclusive: asking from the cursor itself would lose a change made in the cursor's own
	// millisecond after this poll. One millisecond earlier includes it; the ids already emitted there are dropped below.
	if (state.cursor && !manual) qs.updatedAfter = new Date(Date.parse(state.cursor) - 1).toISOString();
	if (statuses.length > 0) qs.status = statuses;
	const changed = await smartRecruitersApiRequestAllItems.call(this, '/candidates', { qs, limit: manual ? MANUAL_SAMPLE_SIZE : undefined });
	const seenAtCursor = new Set(state.idsAtCursor ?? []);
	const fresh = manual ? changed : changed.filter((c) => !(Date.parse(String(c.updatedOn)) === Date.parse(state.cursor ?? '') && seenAtCursor.has(String(c.id))));

	if (!manual && fresh.length > 0) {
		const newest = fresh.map((c) => String(c.updatedOn ?? '')).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
		if (newest && Date.parse(newest) >= Date.parse(state.cursor ?? '')) {
			const idsAtNewest = fresh.filter((c) => c.updatedOn === newest).map((c) => String(c.id));
			state.idsAtCursor = newest === state.cursor ? [...seenAtCursor, ...idsAtNewest] : idsAtNewest;
			state.cursor = newest;
		}
	}

	const items: IDataObject[] = [];
	const emitted = seenIds(state, EMITTED_APPLICATIONS, REMEMBERED_APPLICATIONS);
	for (const candidate of fresh) {
		if (event === 'candidateChanged') {
			items.push(candidate);
			continue;
		}
		for (const jobId of jobIdsOf(candidate as CandidateDetails)) {
			const application = await getApplication.call(this, String(candidate.id), jobId);
			const key = `${String(candidate.id)}/${jobId}`;
			const status = String(application.status);
			if (!manual && statuses.includes(status) && emitted.has(`${key}@${status}`)) continue;
			// An application in another status forgets what was emitted for it, so a hire undone and redone comes again.
			if (!manual) for (const other of statuses) emitted.forget(`${key}@${other}`);
			if (!statuses.includes(status)) continue;
			items.push({ candidate, jobId, application });
			if (!manual) emitted.remember(`${key}@${status}`);
		}
	}
	return items.length > 0 ? items : null;
}
