import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import { performAsRLC } from '../common.descriptions';
import { postingBody, postingFields } from './fields';
import { fieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Senior Backend Engineer',
	},
	performAsRLC,
	fieldsCollection('additionalFields', postingFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['posting'], operation: ['create'] } },
	properties,
);

/** Slack between n8n's clock and Lever's when looking for a posting this execution may already have created. */
const CLOCK_SKEW_MS = 60_000;

/**
 * `POST /postings` (Lever requires perform_as; a new posting is a draft unless a state is given; confidential
 * postings cannot be created through the API). Not idempotent: repeated only when no posting of this title appeared.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const text = requiredLocatorValue.call(this, 'text', 'Title', itemIndex);
	const body = postingBody.call(
		this,
		{ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), text },
		itemIndex,
	);
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) =>
			(
				await leverApiRequest.call(this, 'POST', '/postings', {
					body,
					performAs: locatorValue.call(this, 'performAs', itemIndex),
					confirmNotApplied,
					itemIndex,
				})
			).data as IDataObject,
		async () => {
			// Lever allows updated_at_start only with confidentiality; a new posting is updated at creation.
			const recent = await leverApiRequestAllItems.call(this, '/postings', {
				qs: { updated_at_start: sentAfter, confidentiality: 'all' },
				itemIndex,
			});
			return recent.find(
				(posting) => posting.text === text && Number(posting.createdAt) >= sentAfter,
			);
		},
	);
}
