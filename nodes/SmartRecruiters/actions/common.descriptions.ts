import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/descriptions';

export const candidateRLC: INodeProperties = recordLocator({
	name: 'candidate',
	displayName: 'Candidate',
	description: 'The SmartRecruiters candidate. Search the list by name or email address.',
	searchListMethod: 'searchCandidates',
	listPlaceholder: 'Type a name or email address…',
	idPlaceholder: 'e.g. 7f8c1e2a-9b1d-4c4e-a2b1-0c9d8e7f6a5b',
	required: true,
});

/** The job locator; `description` says what the job is for in the operation. */
export function jobRLC(description = 'The SmartRecruiters job'): INodeProperties {
	return {
		displayName: 'Job',
		name: 'job',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a job…',
				typeOptions: { searchListMethod: 'searchJobs', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder:
					'e.g. https://www.smartrecruiters.com/app/jobs/details/3a6b3c9e-1f2d-4e5a-9b8c-7d6e5f4a3b2c',
				extractValue: { type: 'regex', regex: '/jobs/(?:details/)?([0-9a-fA-F-]{8,})' },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3a6b3c9e-1f2d-4e5a-9b8c-7d6e5f4a3b2c',
			},
		],
	};
}

/** Source fields shared by Create, Upsert and Set Source: SmartRecruiters identifies a source by type + value id. */
export function sourceFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Source Type Name or ID',
			name: 'sourceTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSourceTypes' },
			default: '',
			required,
			description:
				'Source type, e.g. Job boards or Sourcing. Leave empty and SmartRecruiters records the source as "API". Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Source Name or ID',
			name: 'sourceId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSourceValues', loadOptionsDependsOn: ['sourceTypeId'] },
			default: '',
			required,
			description:
				'The source value of that type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Source Subtype ID',
			name: 'sourceSubTypeId',
			type: 'string',
			default: '',
			description:
				'Only for source types with subtypes (SmartRecruiters answers SUBTYPE_REQUIRED when it is needed)',
		},
	];
}

/** A SmartRecruiters user (24-hex id), e.g. a hiring team member, interviewer or reviewer. */
export function userRLC(
	name = 'user',
	displayName = 'User',
	description = 'The SmartRecruiters user. Search the list by name or email address.',
	required = true,
): INodeProperties {
	return recordLocator({
		name,
		displayName,
		description,
		searchListMethod: 'searchUsers',
		listPlaceholder: 'Type a name or email address…',
		idPlaceholder: 'e.g. 5e0000000000000000000001',
		required,
	});
}

/** A position of the job chosen in "Job" (SmartRecruiters' id, not the position ID a company assigns). */
export const positionRLC = recordLocator({
	name: 'position',
	displayName: 'Position',
	description: 'A position of the job',
	searchListMethod: 'searchPositions',
	listPlaceholder: 'Select a position…',
	idPlaceholder: 'e.g. 7f8c1e2a-9b1d-4c4e-a2b1-0c9d8e7f6a5b',
	required: true,
});

/** An attachment of the job application chosen in "Candidate" and "Job". */
export const attachmentRLC = recordLocator({
	name: 'attachment',
	displayName: 'Attachment',
	description:
		'A file on the job application, e.g. the attachment_id of an application.attachment.created event',
	searchListMethod: 'searchAttachments',
	listPlaceholder: 'Select a file…',
	idPlaceholder: 'e.g. 7f8c1e2a-9b1d-4c4e-a2b1-0c9d8e7f6a5b',
	required: true,
});

/** A document (e.g. the signed DocuSign PDF) of the offer given in "Offer ID". */
export const offerDocumentRLC = recordLocator({
	name: 'document',
	displayName: 'Document',
	description: 'A document of the offer',
	searchListMethod: 'searchOfferDocuments',
	listPlaceholder: 'Select a document…',
	idPlaceholder: 'e.g. 7f8c1e2a-9b1d-4c4e-a2b1-0c9d8e7f6a5b',
	required: true,
});

/** The offer a document operation reads: SmartRecruiters' offer id (Offer → Get Many lists them). */
export const offerIdProperty: INodeProperties = {
	displayName: 'Offer ID',
	name: 'offerId',
	type: 'string',
	default: '',
	required: true,
	description: 'E.g. the offer_id of an offer event, or the ID from Offer → Get Many.',
};

/** One job application: the candidate and the job. */
export function applicationProperties(jobDescription: string): INodeProperties[] {
	return [candidateRLC, jobRLC(jobDescription)];
}
