import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BACKLOG_END, maxRecordsPerPoll, oldestPastCursor, pollStartFrom } from '../../shared/poll';
import { seenIds } from '../../shared/seenIds';
import type { CandidateDetails } from '../helpers/candidate';
import { jobIdsOf } from '../helpers/candidate';
import { getApplication } from '../helpers/lookups';
import { smartRecruitersApiRequestAllItems, smartRecruitersApiRequestPages } from '../transport';

interface PollState extends IDataObject {
	/** `updatedOn` of the newest candidate seen; taken from SmartRecruiters' data, never from this machine's clock. */
	cursor?: string;
	/** Candidates already emitted with exactly that `updatedOn`: the next poll asks from just before it and skips them. */
	idsAtCursor?: string[];
	/** See BACKLOG_END. */
	backlogEnd?: number;
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
 * first poll starts the cursor at "now" (or at "Start From" for a backfill) and later polls return the candidates
 * changed past the cursor, oldest first, at most "Max Records per Poll" of them (the rest come with the next polls);
 * with "Application Has Status", one item per application of theirs in a chosen status.
 */
export async function pollCandidates(this: IPollFunctions): Promise<IDataObject[] | null> {
	const state = this.getWorkflowStaticData('node') as PollState;
	const event = this.getNodeParameter('event') as 'candidateChanged' | 'applicationHasStatus';
	const statuses =
		event === 'applicationHasStatus' ? (this.getNodeParameter('statuses', []) as string[]) : [];
	if (event === 'applicationHasStatus' && statuses.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'"Statuses" is empty: choose the application statuses to trigger on',
		);
	}
	const manual = this.getMode() === 'manual';
	const qs: IDataObject = {};
	if (statuses.length > 0) qs.status = statuses;
	let fresh: IDataObject[];
	if (manual) {
		fresh = await smartRecruitersApiRequestAllItems.call(this, '/candidates', {
			qs,
			limit: MANUAL_SAMPLE_SIZE,
		});
	} else {
		if (!state.cursor) {
			// A backlog belongs to the cursor it was found from.
			delete state[BACKLOG_END];
			const startFrom = pollStartFrom(this);
			if (startFrom === undefined) {
				// First activation: remember where to start; nothing before activation is emitted.
				state.cursor = new Date().toISOString();
				state.idsAtCursor = [];
				return null;
			}
			state.cursor = new Date(startFrom).toISOString();
		}
		const cursor = { at: Date.parse(state.cursor), idsAtCursor: state.idsAtCursor ?? [] };
		// `updatedAfter` is exclusive: asking from the cursor itself would lose a change made in the cursor's own
		// millisecond after this poll. One millisecond earlier includes it; the ids already emitted there are skipped.
		qs.updatedAfter = new Date(cursor.at - 1).toISOString();
		const batch = await oldestPastCursor(
			smartRecruitersApiRequestPages.call(this, '/candidates', { qs }),
			{
				cursor,
				max: maxRecordsPerPoll(this),
				timestampOf: (candidate) =>
					typeof candidate.updatedOn === 'string' ? Date.parse(candidate.updatedOn) : undefined,
				backlogEnd: typeof state[BACKLOG_END] === 'number' ? state[BACKLOG_END] : undefined,
			},
		);
		fresh = batch.records;
		// The cursor keeps SmartRecruiters' own text of the newest `updatedOn`, never this machine's clock.
		if (batch.cursor.at !== cursor.at) state.cursor = String(fresh[fresh.length - 1].updatedOn);
		state.idsAtCursor = batch.cursor.idsAtCursor;
		if (batch.backlogEnd === undefined) delete state[BACKLOG_END];
		else state[BACKLOG_END] = batch.backlogEnd;
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
