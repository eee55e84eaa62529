import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('referral', 'getMany', [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a referral of an opportunity',
			action: 'Get a referral',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the referrals of an opportunity, or add the newest one to the item',
			action: 'Get many referrals',
		},
	]),
	...get.description,
	...getMany.description,
];
