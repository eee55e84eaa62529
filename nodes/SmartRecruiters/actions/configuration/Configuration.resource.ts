import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as createDepartment from './createDepartment.operation';
import * as getCandidateProperties from './getCandidateProperties.operation';
import * as getCandidatePropertyValues from './getCandidatePropertyValues.operation';
import * as getCompany from './getCompany.operation';
import * as getDepartments from './getDepartments.operation';
import * as getHiringProcesses from './getHiringProcesses.operation';
import * as getJobProperties from './getJobProperties.operation';
import * as getJobPropertyValues from './getJobPropertyValues.operation';
import * as getOfferProperties from './getOfferProperties.operation';
import * as getRejectionReasons from './getRejectionReasons.operation';
import * as getSources from './getSources.operation';
import * as getSourceTypes from './getSourceTypes.operation';
import * as getWithdrawalReasons from './getWithdrawalReasons.operation';

export {
	createDepartment,
	getCandidateProperties,
	getCandidatePropertyValues,
	getCompany,
	getDepartments,
	getHiringProcesses,
	getJobProperties,
	getJobPropertyValues,
	getOfferProperties,
	getRejectionReasons,
	getSources,
	getSourceTypes,
	getWithdrawalReasons,
};

/**
 * The company's SmartRecruiters settings a workflow needs ids from, one operation each, so that each shows up by name
 * in n8n's action list ("Get rejection reasons") rather than behind a type choice.
 */
export const description: INodeProperties[] = [
	operationProperty('configuration', 'getCandidateProperties', [
		{
			name: 'Create Department',
			value: 'createDepartment',
			description: 'Add a department to the company',
			action: 'Create a department',
		},
		{
			name: 'Get Candidate Properties',
			value: 'getCandidateProperties',
			description: 'Get the candidate properties (custom fields)',
			action: 'Get candidate properties',
		},
		{
			name: 'Get Candidate Property Values',
			value: 'getCandidatePropertyValues',
			description: 'Get the options of a single-select candidate property',
			action: 'Get candidate property values',
		},
		{
			name: 'Get Company',
			value: 'getCompany',
			description: 'Get the company information',
			action: 'Get the company',
		},
		{
			name: 'Get Departments',
			value: 'getDepartments',
			description: 'Get the departments',
			action: 'Get departments',
		},
		{
			name: 'Get Hiring Processes',
			value: 'getHiringProcesses',
			description: 'Get the hiring processes and their sub-statuses',
			action: 'Get hiring processes',
		},
		{
			name: 'Get Job Properties',
			value: 'getJobProperties',
			description: 'Get the job properties (custom job fields)',
			action: 'Get job properties',
		},
		{
			name: 'Get Job Property Values',
			value: 'getJobPropertyValues',
			description: 'Get the values of a job property',
			action: 'Get job property values',
		},
		{
			name: 'Get Offer Properties',
			value: 'getOfferProperties',
			description: 'Get the offer properties (the keys of offer fields)',
			action: 'Get offer properties',
		},
		{
			name: 'Get Rejection Reasons',
			value: 'getRejectionReasons',
			description: 'Get the rejection reasons',
			action: 'Get rejection reasons',
		},
		{
			name: 'Get Source Types',
			value: 'getSourceTypes',
			description: 'Get the source types and their subtypes',
			action: 'Get source types',
		},
		{
			name: 'Get Sources',
			value: 'getSources',
			description: 'Get the sources of a source type',
			action: 'Get sources',
		},
		{
			name: 'Get Withdrawal Reasons',
			value: 'getWithdrawalReasons',
			description: 'Get the withdrawal reasons',
			action: 'Get withdrawal reasons',
		},
	]),
	...createDepartment.description,
	...getCandidateProperties.description,
	...getCandidatePropertyValues.description,
	...getCompany.description,
	...getDepartments.description,
	...getHiringProcesses.description,
	...getJobProperties.description,
	...getJobPropertyValues.description,
	...getOfferProperties.description,
	...getRejectionReasons.description,
	...getSources.description,
	...getSourceTypes.description,
	...getWithdrawalReasons.description,
];
