import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as download from './download.operation';
import * as getMany from './getMany.operation';

export { download, getMany };

export const description: INodeProperties[] = [
	operationProperty('offer', 'getMany', [
		{
			name: 'Download',
			value: 'download',
			description: 'Download the sent or signed offer letter',
			action: 'Download an offer',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the offers of an opportunity',
			action: 'Get many offers',
		},
	]),
	...download.description,
	...getMany.description,
];
