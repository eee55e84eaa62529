import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getApplications from './getApplications.operation';
import * as getStatusHistory from './getStatusHistory.operation';
import * as search from './search.operation';
import * as setProperties from './setProperties.operation';
import * as setSource from './setSource.operation';
import * as setStatus from './setStatus.operation';
import * as update from './update.operation';
import * as updateTags from './updateTags.operation';
import * as uploadAttachment from './uploadAttachment.operation';
import * as upsert from './upsert.operation';

export { create, get, getApplications, getStatusHistory, search, setProperties, setSource, setStatus, update, updateTags, uploadAttachment, upsert };

export const description: INodeProperties[] = [
	operationProperty('candidate', 'upsert', [
		{ name: 'Create', value: 'create', description: 'Create a candidate in the talent pool or on a job', action: 'Create a candidate' },
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a candidate',
		},
		{ name: 'Get', value: 'get', description: 'Get a candidate', action: 'Get a candidate' },
		{ name: 'Get Applications', value: 'getApplications', description: "Get the candidate's job applications", action: 'Get applications of a candidate' },
		{ name: 'Get Status History', value: 'getStatusHistory', description: 'Get the status history of a job application', action: 'Get status history of a candidate' },
		{ name: 'Search', value: 'search', description: 'Search candidates by email or keyword', action: 'Search candidates' },
		{ name: 'Set Properties', value: 'setProperties', description: 'Set candidate properties (custom fields) on a job application', action: 'Set properties of a candidate' },
		{ name: 'Set Source', value: 'setSource', description: 'Set the source of a job application', action: 'Set source of a candidate' },
		{ name: 'Set Status', value: 'setStatus', description: 'Set the status of a job application', action: 'Set status of a candidate' },
		{ name: 'Update', value: 'update', description: 'Update personal details', action: 'Update a candidate' },
		{ name: 'Update Tags', value: 'updateTags', description: 'Add, remove or replace tags', action: 'Update tags of a candidate' },
		{ name: 'Upload Attachment', value: 'uploadAttachment', description: 'Upload a resume or other file to a job application', action: 'Upload an attachment to a candidate' },
	]),
	...create.description,
	...get.description,
	...getApplications.description,
	...getStatusHistory.description,
	...search.description,
	...setProperties.description,
	...setSource.description,
	...setStatus.description,
	...update.description,
	...updateTags.description,
	...uploadAttachment.description,
	...upsert.description,
];
