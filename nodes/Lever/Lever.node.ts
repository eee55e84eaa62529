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

export class Lever implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lever',
		name: 'lever',
		icon: { light: 'file:lever.svg', dark: 'file:lever.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create, update and read candidates, interviews, feedback, postings, requisitions and users in the Lever ATS',
		defaults: { name: 'Lever' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
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
			resourceProperty('opportunity', [
				{ name: 'Archive Reason', value: 'archiveReason' },
				{ name: 'Contact', value: 'contact' },
				{ name: 'Feedback', value: 'feedback' },
				{ name: 'Feedback Template', value: 'feedbackTemplate' },
				{ name: 'File', value: 'file' },
				{ name: 'Interview', value: 'interview' },
				{ name: 'Note', value: 'note' },
				{ name: 'Offer', value: 'offer' },
				{ name: 'Opportunity', value: 'opportunity' },
				{ name: 'Panel', value: 'panel' },
				{ name: 'Posting', value: 'posting' },
				{ name: 'Profile Form', value: 'profileForm' },
				{ name: 'Referral', value: 'referral' },
				{ name: 'Requisition', value: 'requisition' },
				{ name: 'Requisition Field', value: 'requisitionField' },
				{ name: 'Resume', value: 'resume' },
				{ name: 'Source', value: 'source' },
				{ name: 'Stage', value: 'stage' },
				{ name: 'Tag', value: 'tag' },
				{ name: 'User', value: 'user' },
				{ name: 'Webhook', value: 'webhook' },
			]),
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
