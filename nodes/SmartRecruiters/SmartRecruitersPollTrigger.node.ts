import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { authenticationProperty, smartRecruitersCredentials } from './helpers/authentication';
import type { CandidateDetails } from './helpers/candidate';
import { jobIdsOf } from './helpers/candidate';
import { CANDIDATE_STATUSES } from './helpers/constants';
import { getApplication } from './helpers/lookups';
import { credentialTest } from './methods';
import { apiRequestAllPages } from './transport';

interface PollState extends IDataObject {
	/** `updatedOn` of the newest candidate seen; taken from SmartRecruiters' data, never from this machine's clock. */
	cursor?: string;
	/** Candidates already emitted with exactly that `updatedOn`: the next poll asks from just before it and skips them. */
	idsAtCursor?: string[];
	/**
	 * Status last emitted per application (`candidateId/jobId`): a hired candidate who is edited later is not emitted
	 * as a new hire again; one whose hire was undone and redone is.
	 */
	emittedStatus?: Record<string, string>;
}

const MANUAL_SAMPLE_SIZE = 5;
const REMEMBERED_APPLICATIONS = 2_000;

export class SmartRecruitersPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters Poll Trigger',
		name: 'smartRecruitersPollTrigger',
		icon: 'file:smartrecruiters.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["triggerOn"] }}',
		description: 'Starts the workflow on a schedule with the candidates or applications that changed since the last run',
		defaults: { name: 'SmartRecruiters Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: smartRecruitersCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Trigger On',
				name: 'triggerOn',
				type: 'options',
				options: [
					{ name: 'Candidate Changed', value: 'candidate', description: 'One item per candidate updated since the last run' },
					{
						name: 'Application Has Status',
						value: 'application',
						description: 'One item per job application in a chosen status (e.g. Hired) of candidates updated since the last run',
					},
				],
				default: 'candidate',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: CANDIDATE_STATUSES,
				default: ['HIRED'],
				required: true,
				displayOptions: { show: { triggerOn: ['application'] } },
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description: 'On the first run, also emit changes after this time. Empty: only changes after the workflow was activated.',
			},
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node') as PollState;
		const triggerOn = this.getNodeParameter('triggerOn') as 'candidate' | 'application';
		const statuses = triggerOn === 'application' ? (this.getNodeParameter('statuses', []) as string[]) : [];
		if (triggerOn === 'application' && statuses.length === 0) {
			throw new NodeOperationError(this.getNode(), '"Statuses" is empty: choose the application statuses to trigger on');
		}
		const manual = this.getMode() === 'manual';
		const startFrom = this.getNodeParameter('startFrom', '') as string;
		if (!state.cursor && !manual) {
			if (!startFrom) {
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
		const changed = await apiRequestAllPages.call(this, '/candidates', { qs, limit: manual ? MANUAL_SAMPLE_SIZE : undefined });
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
		for (const candidate of fresh) {
			if (triggerOn === 'candidate') {
				items.push(candidate);
				continue;
			}
			for (const jobId of jobIdsOf(candidate as CandidateDetails)) {
				const application = await getApplication.call(this, String(candidate.id), jobId);
				const key = `${String(candidate.id)}/${jobId}`;
				const status = String(application.status);
				const emitted = state.emittedStatus ?? {};
				if (!statuses.includes(status)) {
					if (!manual) delete emitted[key];
					continue;
				}
				if (!manual && emitted[key] === status) continue;
				items.push({ candidate, jobId, application });
				if (!manual) {
					delete emitted[key];
					emitted[key] = status;
					const keys = Object.keys(emitted);
					for (const old of keys.slice(0, Math.max(0, keys.length - REMEMBERED_APPLICATIONS))) delete emitted[old];
					state.emittedStatus = emitted;
				}
			}
		}
		return items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
	}
}
