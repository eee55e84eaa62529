import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { expandOption } from './actions/common.descriptions';
import { pollOpportunities } from './trigger/poll';

export class LeverPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lever Poll Trigger',
		name: 'leverPollTrigger',
		icon: 'file:lever.svg',
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Polls Lever for changed opportunities, hires or new applications (no webhook setup needed)',
		defaults: { name: 'Lever Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [
			{ name: 'leverApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'leverOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey' },
					{ name: 'OAuth2', value: 'oAuth2' },
				],
				default: 'apiKey',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
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
				default: 'candidateHired',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ ...expandOption, description: 'IDs to replace by full objects in each opportunity' },
					{
						displayName: 'Include Confidential',
						name: 'includeConfidential',
						type: 'boolean',
						default: false,
						description:
							'Whether to include confidential opportunities too (the API key needs access to confidential data)',
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'On the first poll after activation, return records from this date on (a backfill). Empty: start from the activation time. Ignored once the trigger has polled.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const opportunities = await pollOpportunities.call(this);
		return opportunities ? [this.helpers.returnJsonArray(opportunities)] : null;
	}
}
