import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue } from '../../../shared/parameters';
import { ATTENDEE_STATUSES } from '../../helpers/constants';
import { timeslotFields, timeslotInput } from '../../helpers/interview';
import { API, smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Interview ID', name: 'interviewId', type: 'string', default: '', required: true },
	fieldsCollection('updateFields', [
		{
			displayName: 'Candidate Status',
			name: 'candidateStatus',
			type: 'options',
			options: ATTENDEE_STATUSES,
			default: 'accepted',
			description: "The candidate's answer to the invitation",
		},
		{ displayName: 'Location', name: 'location', type: 'string', default: '' },
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Europe/Berlin',
		},
	]),
	{
		displayName: 'Reschedule Time Slot',
		name: 'timeslot',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Changes to one time slot; fields not given keep their values',
		options: [
			{
				displayName: 'Time Slot ID',
				name: 'timeslotId',
				type: 'string',
				default: '',
				description: 'The slot to change; may be empty when the interview has one slot',
			},
			...timeslotFields,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interview'], operation: ['update'] } },
	properties,
);

/** Interview details and one time slot change through separate requests; the interview as it is afterwards is returned. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const interviewId = requiredLocatorValue.call(this, 'interviewId', 'Interview ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const slotFields = this.getNodeParameter('timeslot', itemIndex, {}) as IDataObject;
	const details: IDataObject = {};
	for (const key of ['location', 'timezone'])
		if (String(fields[key] ?? '').trim()) details[key] = String(fields[key]).trim();
	if (fields.candidateStatus) details.candidate = { status: fields.candidateStatus };
	const reschedules = Object.entries(slotFields).some(
		([key, value]) => key !== 'timeslotId' && String(value ?? '').trim() !== '',
	);
	if (Object.keys(details).length === 0 && !reschedules) {
		throw new NodeOperationError(
			this.getNode(),
			'"Update Fields" and "Reschedule Time Slot" are empty: add at least one change',
			{ itemIndex },
		);
	}
	const route = `${API.interviews}/interviews/{interviewId}`;
	const params = { interviewId };
	if (reschedules) {
		// Validated before anything is sent, so a bad slot changes nothing.
		const interview = await smartRecruitersApiRequest.call(this, 'GET', route, {
			params,
			itemIndex,
		});
		const slots = (interview.timeslots as IDataObject[] | undefined) ?? [];
		const wanted = String(slotFields.timeslotId ?? '').trim();
		if (!wanted && slots.length !== 1) {
			throw new NodeOperationError(
				this.getNode(),
				`"Time Slot ID" is empty, and the interview has ${slots.length} time slots: say which one to change`,
				{
					itemIndex,
				},
			);
		}
		const current = wanted
			? (slots.find((slot) => slot.id === wanted) ?? { id: wanted })
			: slots[0];
		const { id: timeslotId, ...currentSlot } = current;
		// The slot is sent whole: with the candidate's new answer when this update changes it.
		const slot = timeslotInput.call(
			this,
			slotFields,
			itemIndex,
			fields.candidateStatus
				? { ...currentSlot, candidateStatus: fields.candidateStatus }
				: currentSlot,
		);
		if (Object.keys(details).length > 0)
			await smartRecruitersApiRequest.call(this, 'PATCH', route, {
				params,
				body: details,
				itemIndex,
			});
		await smartRecruitersApiRequest.call(this, 'PATCH', `${route}/timeslots/{timeslotId}`, {
			params: { interviewId, timeslotId: String(timeslotId) },
			body: slot,
			itemIndex,
		});
	} else {
		await smartRecruitersApiRequest.call(this, 'PATCH', route, {
			params,
			body: details,
			itemIndex,
		});
	}
	return await smartRecruitersApiRequest.call(this, 'GET', route, { params, itemIndex });
}
