/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import type { INodeTypeDescription } from 'n8n-workflow';

import * as archiveReason from './archiveReason';
import * as feedback from './feedback';
import * as interview from './interview';
import * as offer from './offer';
import * as opportunity from './opportunity';
import * as posting from './posting';
import * as source from './source';
import * as stage from './stage';
import * as tag from './tag';
import * as user from './user';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Lever',
	name: 'lever',
	icon: 'file:lever.svg',
	group: ['transform'],
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	description: 'Create, update and read candidates, postings and feedback in the Lever ATS',
	defaults: { name: 'Lever' },
	inputs: ['main'],
	outputs: ['main'],
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
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'API Key', value: 'apiKey' },
				{ name: 'OAuth2', value: 'oAuth2' },
			],
			default: 'apiKey',
		},
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Archive Reason', value: 'archiveReason' },
				{ name: 'Feedback', value: 'feedback' },
				{ name: 'Interview', value: 'interview' },
				{ name: 'Offer', value: 'offer' },
				{ name: 'Opportunity', value: 'opportunity' },
				{ name: 'Posting', value: 'posting' },
				{ name: 'Source', value: 'source' },
				{ name: 'Stage', value: 'stage' },
				{ name: 'Tag', value: 'tag' },
				{ name: 'User', value: 'user' },
			],
			default: 'opportunity',
		},
		...archiveReason.description,
		...feedback.description,
		...interview.description,
		...offer.description,
		...opportunity.description,
		...posting.description,
		...source.description,
		...stage.description,
		...tag.description,
		...user.description,
	],
};
