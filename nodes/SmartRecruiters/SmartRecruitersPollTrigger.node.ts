import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { fieldsCollection } from '../shared/descriptions';
import { maxRecordsPerPollOption, pollEventProperty, pollStartFromOption } from '../shared/poll';
import { authenticationProperty } from './helpers/authentication';
import { CANDIDATE_STATUSES } from './helpers/constants';
import { credentialTest } from './methods';
import { pollCandidates } from './trigger/poll';

export class SmartRecruitersPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters Poll Trigger',
		name: 'smartRecruitersPollTrigger',
		icon: { light: 'file:smartrecruiters.svg', dark: 'file:smartrecruiters.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow on a schedule with the candidates or applications that changed since the last run',
		defaults: { name: 'SmartRecruiters Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'smartRecruitersApi',
				required: true,
				testedBy: 'smartRecruitersApiCredentialTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'smartRecruitersOAuth2Api',
				required: true,
				testedBy: 'smartRecruitersOAuth2ApiCredentialTest',
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			pollEventProperty(
				[
					{
						name: 'Application Has Status',
						value: 'applicationHasStatus',
						description:
							'One item per job application in a chosen status (e.g. Hired) of candidates updated since the last poll',
					},
					{
						name: 'Candidate Changed',
						value: 'candidateChanged',
						description: 'One item per candidate updated since the last poll',
					},
				],
				'candidateChanged',
			),
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: CANDIDATE_STATUSES,
				default: ['HIRED'],
				required: true,
				displayOptions: { show: { event: ['applicationHasStatus'] } },
			},
			fieldsCollection('options', [maxRecordsPerPollOption, pollStartFromOption]),
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items = await pollCandidates.call(this);
		return items ? [this.helpers.returnJsonArray(items)] : null;
	}
}
