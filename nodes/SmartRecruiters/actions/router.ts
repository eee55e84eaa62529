import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/router';
import * as candidate from './candidate/Candidate.resource';
import * as configuration from './configuration/Configuration.resource';
import * as interview from './interview/Interview.resource';
import * as job from './job/Job.resource';
import * as note from './note/Note.resource';
import * as offer from './offer/Offer.resource';
import * as position from './position/Position.resource';
import * as review from './review/Review.resource';
import * as user from './user/User.resource';

/** The SmartRecruiters node's resources by value; the node's properties and the router both come from here. */
export const resources = {
	candidate,
	configuration,
	interview,
	job,
	note,
	offer,
	position,
	review,
	user,
};

/** Runs the chosen operation for every item (nodes/shared/router.ts); a failed item names its candidate or record. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, resources, {
		subjectParameters: {
			email: 'candidate',
			candidate: 'candidate',
			job: 'job',
			applicationId: 'application',
			interviewId: 'interview',
			reviewId: 'review',
			offerId: 'offer',
			user: 'user',
			departmentName: 'department',
		},
	});
}
