import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { locatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { applicationOf } from '../../helpers/application';
import { API, smartRecruitersApiRequest } from '../../transport';
import { applicationProperties, userRLC } from '../common.descriptions';

/** Slack between n8n's clock and SmartRecruiters' when looking for a review this run may already have created. */
const CLOCK_SKEW_MS = 60_000;

const properties: INodeProperties[] = [
	...applicationProperties('The job application the review is about'),
	{
		displayName: 'Rating',
		name: 'overallRating',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 3,
		description: 'Overall rating from 1 (lowest) to 5',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	userRLC('reviewer', 'Reviewer', "Who gives the review; empty: the credential's user", false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	const overallRating = Number(this.getNodeParameter('overallRating', itemIndex));
	if (!Number.isInteger(overallRating) || overallRating < 1 || overallRating > 5) {
		throw new NodeOperationError(
			this.getNode(),
			`"Rating" must be a whole number from 1 to 5, not ${String(overallRating)}`,
			{ itemIndex },
		);
	}
	const reviewerId = locatorValue.call(this, 'reviewer', itemIndex);
	const comment = String(this.getNodeParameter('comment', itemIndex, ''));
	const body: IDataObject = { candidateId, jobId, overallRating };
	if (reviewerId) body.reviewerId = reviewerId;
	if (comment.trim()) body.comment = comment;

	// Creating is not idempotent: after a 5xx, a reset or a timeout, a review of this application with the same
	// reviewer, rating and comment, created since this attempt began, is the one it created.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', `${API.reviews}/reviews`, {
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () => {
			const reviews = (await smartRecruitersApiRequest.call(this, 'GET', `${API.reviews}/reviews`, {
				qs: { candidateId, jobId },
				itemIndex,
			})) as unknown;
			return (Array.isArray(reviews) ? (reviews as IDataObject[]) : []).find(
				(review) =>
					review.overallRating === overallRating &&
					(review.comment ?? '') === (body.comment ?? '') &&
					(!reviewerId || review.reviewerId === reviewerId) &&
					Date.parse(String(review.createdOn)) >= sentAfter,
			);
		},
	);
}
