import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { applicationOf } from '../../helpers/application';
import { timeslotFields, timeslotInput } from '../../helpers/interview';
import { getApplication } from '../../helpers/lookups';
import { API, smartRecruitersApiRequest } from '../../transport';
import { applicationProperties, userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	...applicationProperties('The job application the interview is for'),
	userRLC(
		'organizer',
		'Organizer',
		'The user who organizes the interview. Search the list by name or email address.',
	),
	{
		displayName: 'Time Slots',
		name: 'timeslots',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Time Slot',
		default: {},
		description: "The interview's time slots (1 to 50), each with its interviewers",
		options: [{ displayName: 'Time Slot', name: 'timeslot', values: timeslotFields }],
	},
	fieldsCollection('additionalFields', [
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
			placeholder: 'e.g. Berlin office',
		},
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Berlin',
			description: "Time zone of the interview (IANA name); empty: the workflow's time zone",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interview'], operation: ['create'] } },
	properties,
);

/** Slack between n8n's clock and SmartRecruiters' when looking for an interview this run may already have created. */
const CLOCK_SKEW_MS = 60_000;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	const organizerId = requiredLocatorValue.call(this, 'organizer', 'Organizer', itemIndex);
	const slots =
		((this.getNodeParameter('timeslots', itemIndex, {}) as IDataObject).timeslot as
			| IDataObject[]
			| undefined) ?? [];
	if (slots.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'"Time Slots" is empty: add at least one time slot',
			{ itemIndex },
		);
	if (slots.length > 50)
		throw new NodeOperationError(
			this.getNode(),
			`"Time Slots" has ${slots.length} slots; SmartRecruiters allows 50`,
			{ itemIndex },
		);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		candidate: { id: candidateId },
		jobId,
		organizerId,
		timezone: String(additional.timezone ?? '').trim() || this.getTimezone(),
		timeslots: slots.map((slot) => timeslotInput.call(this, slot, itemIndex)),
	};
	if (String(additional.location ?? '').trim()) body.location = String(additional.location).trim();

	// Creating is not idempotent: after a 5xx, a reset or a timeout, an interview of this application with the same
	// organizer and start times, created since this attempt began, is the one it created.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	const starts = (interview: IDataObject) =>
		((interview.timeslots as IDataObject[] | undefined) ?? [])
			.map((slot) => Date.parse(String(slot.startsOn)))
			.sort()
			.join();
	const created = await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', `${API.interviews}/interviews`, {
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () => {
			const { applicationId } = await getApplication.call(this, candidateId, jobId, itemIndex);
			const list = await smartRecruitersApiRequest.call(
				this,
				'GET',
				`${API.interviews}/interviews`,
				{ qs: { applicationId }, itemIndex },
			);
			return ((list.content as IDataObject[] | undefined) ?? []).find(
				(interview) =>
					interview.organizerId === organizerId &&
					starts(interview) === starts(body) &&
					Date.parse(String(interview.createdOn)) >= sentAfter,
			);
		},
	);
	return created;
}
