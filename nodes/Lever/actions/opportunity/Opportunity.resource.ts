import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as addLinks from './addLinks.operation';
import * as addNote from './addNote.operation';
import * as addSources from './addSources.operation';
import * as addTags from './addTags.operation';
import * as archive from './archive.operation';
import * as changeStage from './changeStage.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeLinks from './removeLinks.operation';
import * as removeSources from './removeSources.operation';
import * as removeTags from './removeTags.operation';
import * as unarchive from './unarchive.operation';
import * as uploadFile from './uploadFile.operation';
import * as upsert from './upsert.operation';

export {
	addLinks,
	addNote,
	addSources,
	addTags,
	archive,
	changeStage,
	create,
	get,
	getMany,
	removeLinks,
	removeSources,
	removeTags,
	unarchive,
	uploadFile,
	upsert,
};

export const description: INodeProperties[] = [
	operationProperty('opportunity', 'upsert', [
		{
			name: 'Add Links',
			value: 'addLinks',
			description: 'Add links (LinkedIn, portfolio …) to the person',
			action: 'Add links to an opportunity',
		},
		{
			name: 'Add Note',
			value: 'addNote',
			description: 'Add a note to an opportunity',
			action: 'Add a note to an opportunity',
		},
		{
			name: 'Add Sources',
			value: 'addSources',
			description: 'Add sources to an opportunity',
			action: 'Add sources to an opportunity',
		},
		{
			name: 'Add Tags',
			value: 'addTags',
			description: 'Add tags to an opportunity',
			action: 'Add tags to an opportunity',
		},
		{
			name: 'Archive',
			value: 'archive',
			description: 'Archive an opportunity with a reason',
			action: 'Archive an opportunity',
		},
		{
			name: 'Change Stage',
			value: 'changeStage',
			description: 'Move an opportunity to another stage',
			action: 'Change the stage of an opportunity',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create an opportunity',
			action: 'Create an opportunity',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update an opportunity',
		},
		{ name: 'Get', value: 'get', description: 'Get an opportunity', action: 'Get an opportunity' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Search opportunities by email, posting, stage, tag, dates',
			action: 'Get many opportunities',
		},
		{
			name: 'Remove Links',
			value: 'removeLinks',
			description: 'Remove links from the person',
			action: 'Remove links from an opportunity',
		},
		{
			name: 'Remove Sources',
			value: 'removeSources',
			description: 'Remove sources from an opportunity',
			action: 'Remove sources from an opportunity',
		},
		{
			name: 'Remove Tags',
			value: 'removeTags',
			description: 'Remove tags from an opportunity',
			action: 'Remove tags from an opportunity',
		},
		{
			name: 'Unarchive',
			value: 'unarchive',
			description: 'Return an archived opportunity to the pipeline',
			action: 'Unarchive an opportunity',
		},
		{
			name: 'Upload File',
			value: 'uploadFile',
			description: 'Attach a file to an opportunity',
			action: 'Upload a file to an opportunity',
		},
	]),
	...addLinks.description,
	...addNote.description,
	...addSources.description,
	...addTags.description,
	...archive.description,
	...changeStage.description,
	...create.description,
	...get.description,
	...getMany.description,
	...removeLinks.description,
	...removeSources.description,
	...removeTags.description,
	...unarchive.description,
	...uploadFile.description,
	...upsert.description,
];
