import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { endpointList } from '../endpointList';
import { toList } from '../../../shared/parameters';
import { POSTING_STATE_OPTIONS } from './fields';

export const POSTING_STATES = ['published', 'internal', 'closed', 'draft', 'pending'];

export const { description, execute } = endpointList({
	resource: 'posting',
	endpoint: '/postings',
	filters: [
		fieldsCollection('filters', [
			{
				displayName: 'Commitment',
				name: 'commitment',
				type: 'string',
				default: '',
				placeholder: 'e.g. Full-time',
			},
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
		]),
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const states = toList(filters.state).filter((state) => POSTING_STATES.includes(state));
		if (states.length) qs.state = states;
		for (const key of ['team', 'department', 'location', 'commitment']) {
			if (filters[key]) qs[key] = String(filters[key]).trim();
		}
		if (
			states.includes('published') &&
			states.every((state) => state === 'published' || state === 'internal')
		) {
			// Lever: a state=published list returns only public postings unless both channels are asked for.
			// ⚠ Closed/draft/pending postings have no channel, so the channel filter is only added when it cannot drop them.
			qs.distributionChannel = ['public', 'internal'];
		}
		return qs;
	},
});
