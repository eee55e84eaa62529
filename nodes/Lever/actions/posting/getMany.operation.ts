import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resultLimit, toList } from '../../../shared/parameters';
import { leverApiRequestAllItems } from '../../transport';
import { returnAllAndLimit } from '../../../shared/descriptions';
import { POSTING_STATE_OPTIONS } from './fields';

export const POSTING_STATES = ['published', 'internal', 'closed', 'draft', 'pending'];

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Commitment', name: 'commitment', type: 'string', default: '', placeholder: 'e.g. Full-time' },
			{ displayName: 'Department', name: 'department', type: 'string', default: '' },
			{ displayName: 'Location', name: 'location', type: 'string', default: '' },
			{
				displayName: 'States',
				name: 'state',
				type: 'multiOptions',
				options: POSTING_STATE_OPTIONS,
				default: [],
				description: 'Postings in any of these states',
			},
			{ displayName: 'Team', name: 'team', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['posting'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const states = toList(filters.state).filter((state) => POSTING_STATES.includes(state));
	if (states.length) qs.state = states;
	for (const key of ['team', 'department', 'location', 'commitment']) {
		if (filters[key]) qs[key] = String(filters[key]).trim();
	}
	if (states.includes('published') && states.every((state) => state === 'published' || state === 'internal')) {
		// Lever: a state=published list returns only public postings unless both channels are asked for.
		// ⚠ Closed/draft/pending postings have no channel, so the channel filter is only added when it cannot drop them.
		qs.distributionChannel = ['public', 'internal'];
	}
	return await leverApiRequestAllItems.call(this, '/postings', { qs, limit: resultLimit.call(this, itemIndex) });
}
