import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { resourceProperty } from '../shared/descriptions';
import { authenticationProperty } from './helpers/authentication';
import { credentialTest, listSearch, loadOptions } from './methods';

export class SmartRecruiters implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters',
		name: 'smartRecruiters',
		icon: { light: 'file:smartrecruiters.svg', dark: 'file:smartrecruiters.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create, update and read candidates, jobs, interviews, reviews, offers, notes, users and configuration in SmartRecruiters',
		defaults: { name: 'SmartRecruiters' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
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
			resourceProperty('candidate', [
				{ name: 'Candidate', value: 'candidate' },
				{ name: 'Configuration', value: 'configuration' },
				{ name: 'Interview', value: 'interview' },
				{ name: 'Job', value: 'job' },
				{ name: 'Job Position', value: 'position' },
				{ name: 'Note', value: 'note' },
				{ name: 'Offer', value: 'offer' },
				{ name: 'Review', value: 'review' },
				{ name: 'User', value: 'user' },
			]),
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
