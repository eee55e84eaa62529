import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as downloadDocument from './downloadDocument.operation';
import * as get from './get.operation';
import * as getDocuments from './getDocuments.operation';
import * as getMany from './getMany.operation';

export { downloadDocument, get, getDocuments, getMany };

export const description: INodeProperties[] = [
	operationProperty('offer', 'getMany', [
		{
			name: 'Download Document',
			value: 'downloadDocument',
			description: 'Download a document of a sent offer',
			action: 'Download a document of an offer',
		},
		{ name: 'Get', value: 'get', description: 'Get an offer', action: 'Get an offer' },
		{
			name: 'Get Documents',
			value: 'getDocuments',
			description: 'Get the documents of a sent offer',
			action: 'Get documents of an offer',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get the offers of a job application',
			action: 'Get many offers',
		},
	]),
	...downloadDocument.description,
	...get.description,
	...getDocuments.description,
	...getMany.description,
];
