import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import * as candidate from './actions/candidate/Candidate.resource';
import * as interview from './actions/interview/Interview.resource';
import * as job from './actions/job/Job.resource';
import * as note from './actions/note/Note.resource';
import * as offer from './actions/offer/Offer.resource';
import * as review from './actions/review/Review.resource';
import { router } from './actions/router';
import { authenticationProperty, smartRecruitersCredentials } from './helpers/authentication';
import { credentialTest, listSearch, loadOptions } from './methods';

export class SmartRecruiters implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters',
		name: 'smartRecruiters',
		icon: 'file:smartrecruiters.svg',
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, update and read candidates, jobs, notes, reviews, interviews and offers in SmartRecruiters',
		defaults: { name: 'SmartRecruiters' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: smartRecruitersCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Candidate', value: 'candidate' },
					{ name: 'Interview', value: 'interview' },
					{ name: 'Job', value: 'job' },
					{ name: 'Note', value: 'note' },
					{ name: 'Offer', value: 'offer' },
					{ name: 'Review', value: 'review' },
				],
				default: 'candidate',
			},
			...candidate.description,
			...interview.description,
			...job.description,
			...note.description,
			...offer.description,
			...review.description,
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
