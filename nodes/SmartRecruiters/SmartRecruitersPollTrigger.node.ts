import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { pollStartFrom, pollStartFromOption } from '../shared/poll';
import { seenIds } from '../shared/seenIds';
import { authenticationProperty } from './helpers/authentication';
import type { CandidateDetails } from './helpers/candidate';
import { jobIdsOf } from './helpers/candidate';
import { CANDIDATE_STATUSES } from './helpers/constants';
import { getApplication } from './helpers/lookups';
import { credentialTest } from './methods';
import { smartRecruitersApiRequestAllItems } from './transport';

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

export class SmartRecruitersPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters Poll Trigger',
		name: 'smartRecruitersPollTrigger',
		icon: { light: 'file:smartrecruiters.svg', dark: 'file:smartrecruiters.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow on a schedule with the candidates or applications that changed since the last run',
		defaults: { name: 'SmartRecruiters Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'smartRecruitersApi', required: true, testedBy: 'smartRecruitersApiCredentialTest', displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'smartRecruitersOAuth2Api', required: true, testedBy: 'smartRecruitersOAuth2ApiCredentialTest', displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Application Has Status',
						value: 'applicationHasStatus',
						description: 'One item per job application in a chosen status (e.g. Hired) of candidates updated since the last poll',
					},
					{ name: 'Candidate Changed', value: 'candidateChanged', description: 'One item per candidate updated since the last poll' },
				],
				default: 'candidateChanged',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: CANDIDATE_STATUSES,
				default: ['HIRED'],
				required: true,
				displayOptions: { show: { event: ['applicationHasStatus'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [pollStartFromOption],
			},
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
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
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
