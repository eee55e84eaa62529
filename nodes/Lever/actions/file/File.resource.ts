import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as deleteFile from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { deleteFile as delete, download, get, getMany };

export const description: INodeProperties[] = [
	operationProperty('file', 'getMany', [
		{
			name: 'Delete',
			value: 'delete',
			description: 'Permanently delete a file from an opportunity',
			action: 'Delete a file',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download a file of an opportunity',
			action: 'Download a file',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get the details of a file (name, size, status)',
			action: 'Get a file',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the files of an opportunity (to attach one, use Opportunity → Upload File)',
			action: 'Get many files',
		},
	]),
	...deleteFile.description,
	...download.description,
	...get.description,
	...getMany.description,
];
