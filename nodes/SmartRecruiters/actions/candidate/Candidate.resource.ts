import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as downloadAttachment from './downloadAttachment.operation';
import * as get from './get.operation';
import * as getApplications from './getApplications.operation';
import * as getAttachments from './getAttachments.operation';
import * as getConsent from './getConsent.operation';
import * as getOnboardingStatus from './getOnboardingStatus.operation';
import * as getProperties from './getProperties.operation';
import * as getScreeningAnswers from './getScreeningAnswers.operation';
import * as getStatusHistory from './getStatusHistory.operation';
import * as requestConsent from './requestConsent.operation';
import * as search from './search.operation';
import * as setOnboardingStatus from './setOnboardingStatus.operation';
import * as setProperties from './setProperties.operation';
import * as setSource from './setSource.operation';
import * as setStatus from './setStatus.operation';
import * as update from './update.operation';
import * as updateTags from './updateTags.operation';
import * as uploadAttachment from './uploadAttachment.operation';
import * as upsert from './upsert.operation';

export {
	create,
	deleteOperation as delete,
	downloadAttachment,
	get,
	getApplications,
	getAttachments,
	getConsent,
	getOnboardingStatus,
	getProperties,
	getScreeningAnswers,
	getStatusHistory,
	requestConsent,
	search,
	setOnboardingStatus,
	setProperties,
	setSource,
	setStatus,
	update,
	updateTags,
	uploadAttachment,
	upsert,
};

export const description: INodeProperties[] = [
	operationProperty('candidate', 'upsert', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a candidate in the talent pool or on a job',
			action: 'Create a candidate',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a candidate',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a candidate with all job applications (cannot be undone)',
			action: 'Delete a candidate',
		},
		{
			name: 'Download Attachment',
			value: 'downloadAttachment',
			description: 'Download a file of a job application',
			action: 'Download an attachment of a candidate',
		},
		{ name: 'Get', value: 'get', description: 'Get a candidate', action: 'Get a candidate' },
		{
			name: 'Get Applications',
			value: 'getApplications',
			description: "Get the candidate's job applications",
			action: 'Get applications of a candidate',
		},
		{
			name: 'Get Attachments',
			value: 'getAttachments',
			description: 'List the files of a job application',
			action: 'Get attachments of a candidate',
		},
		{
			name: 'Get Consent',
			value: 'getConsent',
			description: "Get the candidate's consent status and decisions",
			action: 'Get consent of a candidate',
		},
		{
			name: 'Get Onboarding Status',
			value: 'getOnboardingStatus',
			description: 'Get the onboarding status of a hire',
			action: 'Get onboarding status of a candidate',
		},
		{
			name: 'Get Properties',
			value: 'getProperties',
			description: 'Get the candidate properties (custom fields) of a job application',
			action: 'Get properties of a candidate',
		},
		{
			name: 'Get Screening Answers',
			value: 'getScreeningAnswers',
			description: 'Get the answers to the screening questions of a job application',
			action: 'Get screening answers of a candidate',
		},
		{
			name: 'Get Status History',
			value: 'getStatusHistory',
			description: 'Get the status history of a job application',
			action: 'Get status history of a candidate',
		},
		{
			name: 'Request Consent',
			value: 'requestConsent',
			description: 'Ask the candidate by email for consent to keep their data',
			action: 'Request consent from a candidate',
		},
		{
			name: 'Search',
			value: 'search',
			description: 'Search candidates by email or keyword',
			action: 'Search candidates',
		},
		{
			name: 'Set Onboarding Status',
			value: 'setOnboardingStatus',
			description: 'Set the onboarding status of a hire',
			action: 'Set onboarding status of a candidate',
		},
		{
			name: 'Set Properties',
			value: 'setProperties',
			description: 'Set candidate properties (custom fields) on a job application',
			action: 'Set properties of a candidate',
		},
		{
			name: 'Set Source',
			value: 'setSource',
			description: 'Set the source of a job application',
			action: 'Set source of a candidate',
		},
		{
			name: 'Set Status',
			value: 'setStatus',
			description: 'Set the status of a job application',
			action: 'Set status of a candidate',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Update personal details',
			action: 'Update a candidate',
		},
		{
			name: 'Update Tags',
			value: 'updateTags',
			description: 'Add, remove or replace tags',
			action: 'Update tags of a candidate',
		},
		{
			name: 'Upload Attachment',
			value: 'uploadAttachment',
			description: 'Upload a resume or other file to a job application',
			action: 'Upload an attachment to a candidate',
		},
	]),
	...create.description,
	...deleteOperation.description,
	...downloadAttachment.description,
	...get.description,
	...getApplications.description,
	...getAttachments.description,
	...getConsent.description,
	...getOnboardingStatus.description,
	...getProperties.description,
	...getScreeningAnswers.description,
	...getStatusHistory.description,
	...requestConsent.description,
	...search.description,
	...setOnboardingStatus.description,
	...setProperties.description,
	...setSource.description,
	...setStatus.description,
	...update.description,
	...updateTags.description,
	...uploadAttachment.description,
	...upsert.description,
];
