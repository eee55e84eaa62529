import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { fieldsCollection } from '../shared/descriptions';
import { maxRecordsPerPollOption, pollEventProperty, pollStartFromOption } from '../shared/poll';
import { expandOption } from './actions/common.descriptions';
import { authenticationProperty } from './helpers/authentication';
import { credentialTest } from './methods';
import { pollOpportunities } from './trigger/poll';

export class LeverPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lever Poll Trigger',
		name: 'leverPollTrigger',
		icon: { light: 'file:lever.svg', dark: 'file:lever.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Polls Lever for changed opportunities, hires or new applications (no webhook setup needed)',
		defaults: { name: 'Lever Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'leverApi',
				required: true,
				testedBy: 'leverApiCredentialTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'leverOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			pollEventProperty(
				[
					{
						name: 'Application Created',
						value: 'applicationCreated',
						description: 'Opportunities created since the last poll',
					},
					{
						name: 'Candidate Hired',
						value: 'candidateHired',
						description: 'Opportunities archived with a hired-type reason since the last poll',
					},
					{
						name: 'Opportunity Changed',
						value: 'opportunityChanged',
						description:
							'Opportunities updated since the last poll (legacy records whose updatedAt is empty are never reported)',
					},
				],
				'candidateHired',
			),
			fieldsCollection('options', [
				{ ...expandOption, description: 'IDs to replace by full objects in each opportunity' },
				{
					displayName: 'Include Confidential',
					name: 'includeConfidential',
					type: 'boolean',
					default: false,
					description:
						'Whether to include confidential opportunities too (the API key needs access to confidential data)',
				},
				maxRecordsPerPollOption,
				pollStartFromOption,
			]),
		],
	};

	methods = { credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const opportunities = await pollOpportunities.call(this);
		return opportunities ? [this.helpers.returnJsonArray(opportunities)] : null;
	}
}
