import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as addHiringTeamMember from './addHiringTeamMember.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getHiringTeam from './getHiringTeam.operation';
import * as getMany from './getMany.operation';
import * as getNote from './getNote.operation';
import * as getPublications from './getPublications.operation';
import * as getStatusHistory from './getStatusHistory.operation';
import * as publish from './publish.operation';
import * as removeHiringTeamMember from './removeHiringTeamMember.operation';
import * as setStatus from './setStatus.operation';
import * as unpublish from './unpublish.operation';
import * as update from './update.operation';
import * as updateNote from './updateNote.operation';

export {
	addHiringTeamMember,
	create,
	get,
	getHiringTeam,
	getMany,
	getNote,
	getPublications,
	getStatusHistory,
	publish,
	removeHiringTeamMember,
	setStatus,
	unpublish,
	update,
	updateNote,
};

export const description: INodeProperties[] = [
	operationProperty('job', 'get', [
		{
			name: 'Add Hiring Team Member',
			value: 'addHiringTeamMember',
			description: "Add a user to the job's hiring team",
			action: 'Add a hiring team member to a job',
		},
		{ name: 'Create', value: 'create', description: 'Create a job', action: 'Create a job' },
		{ name: 'Get', value: 'get', description: 'Get a job', action: 'Get a job' },
		{
			name: 'Get Hiring Team',
			value: 'getHiringTeam',
			description: 'Get the hiring team of a job',
			action: 'Get hiring team of a job',
		},
		{ name: 'Get Many', value: 'getMany', description: 'Get many jobs', action: 'Get many jobs' },
		{
			name: 'Get Note',
			value: 'getNote',
			description: 'Get the internal note of a job',
			action: 'Get note of a job',
		},
		{
			name: 'Get Publications',
			value: 'getPublications',
			description: 'Get where a job is posted',
			action: 'Get publications of a job',
		},
		{
			name: 'Get Status History',
			value: 'getStatusHistory',
			description: 'Get the status history of a job',
			action: 'Get status history of a job',
		},
		{
			name: 'Publish',
			value: 'publish',
			description: 'Publish the default job ad',
			action: 'Publish a job',
		},
		{
			name: 'Remove Hiring Team Member',
			value: 'removeHiringTeamMember',
			description: "Remove a user from the job's hiring team",
			action: 'Remove a hiring team member from a job',
		},
		{
			name: 'Set Status',
			value: 'setStatus',
			description: 'Set the status of a job',
			action: 'Set status of a job',
		},
		{
			name: 'Unpublish',
			value: 'unpublish',
			description: 'Take a job off every source',
			action: 'Unpublish a job',
		},
		{ name: 'Update', value: 'update', description: 'Update a job', action: 'Update a job' },
		{
			name: 'Update Note',
			value: 'updateNote',
			description: 'Replace the internal note of a job',
			action: 'Update note of a job',
		},
	]),
	...addHiringTeamMember.description,
	...create.description,
	...get.description,
	...getHiringTeam.description,
	...getMany.description,
	...getNote.description,
	...getPublications.description,
	...getStatusHistory.description,
	...publish.description,
	...removeHiringTeamMember.description,
	...setStatus.description,
	...unpublish.description,
	...update.description,
	...updateNote.description,
];
