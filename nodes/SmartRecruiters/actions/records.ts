import type { INodeProperties } from 'n8n-workflow';

import { API } from '../transport';
import type { RecordSpec } from './recordOperation';
import {
	attachmentRLC,
	candidateRLC,
	jobRLC,
	offerDocumentRLC,
	offerIdProperty,
	positionRLC,
	userRLC,
} from './common.descriptions';

/**
 * The SmartRecruiters records an operation picks one of: where each lives and how the user picks it. A record of a
 * job application or a job is picked after them; the output names those as `candidateId` and `jobId`.
 */
const idProperty = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required: true,
	...(description ? { description } : {}),
});

const candidate = { param: 'candidateId', property: candidateRLC, outputKey: 'candidateId' };
const job = (description: string) => ({
	param: 'jobId',
	property: jobRLC(description),
	outputKey: 'jobId',
});

export const POSITION: RecordSpec = {
	resource: 'position',
	route: '/jobs/{jobId}/positions/{positionId}',
	locators: [
		job('The job the position belongs to'),
		{ param: 'positionId', property: positionRLC },
	],
};

export const OFFER: RecordSpec = {
	resource: 'offer',
	route: '/candidates/{candidateId}/jobs/{jobId}/offers/{offerId}',
	locators: [
		candidate,
		job('The job application the offer belongs to'),
		{ param: 'offerId', property: idProperty('Offer ID', 'offerId') },
	],
};

/** Attachments are fetched by their own id; candidate and job say which application's files the list offers. */
export const ATTACHMENT: RecordSpec = {
	resource: 'candidate',
	route: '/candidates/attachments/{attachmentId}',
	locators: [
		candidate,
		job('The job application the file belongs to'),
		{ param: 'attachmentId', property: attachmentRLC },
	],
};

export const OFFER_DOCUMENT: RecordSpec = {
	resource: 'offer',
	route: '/offers/{offerId}/documents/{documentId}',
	locators: [
		{ param: 'offerId', property: offerIdProperty, outputKey: 'offerId' },
		{ param: 'documentId', property: offerDocumentRLC },
	],
};

export const INTERVIEW: RecordSpec = {
	resource: 'interview',
	route: `${API.interviews}/interviews/{interviewId}`,
	locators: [{ param: 'interviewId', property: idProperty('Interview ID', 'interviewId') }],
};

export const REVIEW: RecordSpec = {
	resource: 'review',
	route: `${API.reviews}/reviews/{reviewId}`,
	locators: [
		{
			param: 'reviewId',
			property: idProperty(
				'Review ID',
				'reviewId',
				'E.g. the review_id of a review.created event.',
			),
		},
	],
};

export const USER: RecordSpec = {
	resource: 'user',
	route: `${API.users}/users/{userId}`,
	locators: [{ param: 'userId', property: userRLC() }],
};
