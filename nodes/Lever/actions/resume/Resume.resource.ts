import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { download, get, getMany };

export const description: INodeProperties[] = [
	operationProperty('resume', 'getMany', [
		{
			name: 'Download',
			value: 'download',
			description: 'Download a resume file of an opportunity',
			action: 'Download a resume',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a resume with its parsed positions and schools',
			action: 'Get a resume',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the resumes of an opportunity',
			action: 'Get many resumes',
		},
	]),
	...download.description,
	...get.description,
	...getMany.description,
];
