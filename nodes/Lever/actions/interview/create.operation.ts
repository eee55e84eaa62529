import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import {
	assertCompleteInterview,
	interviewBody,
	interviewDetails,
	panelOptions,
	requiredInterviewFields,
} from '../../helpers/interviews';
import { unwrapData } from '../../helpers/utils';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import { opportunityParams, opportunityRLC, performAsRLC } from '../common.descriptions';
import { locatorOf } from '../recordOperation';
import { PANEL } from '../records';
import { fieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		...locatorOf(PANEL),
		required: false,
		description:
			'The panel the interview joins: one created through the API (Lever only lets those change). Empty: a new panel is created for this interview.',
	},
	...requiredInterviewFields,
	performAsRLC,
	fieldsCollection('additionalFields', [
		...interviewDetails,
		...panelOptions.filter((option) => ['feedbackReminder', 'timezone'].includes(option.name)),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interview'], operation: ['create'] } },
	properties,
);

/** Slack between n8n's clock and Lever's when looking for an interview this execution may already have created. */
const CLOCK_SKEW_MS = 60_000;

const interviewerIds = (interview: IDataObject) =>
	((interview.interviewers ?? []) as IDataObject[])
		.map((entry) => String(entry.id))
		.sort()
		.join(',');

/**
 * Schedules an interview: `POST …/interviews` into a panel created through the API, or, without a panel, a new panel
 * holding this one interview (`POST …/panels`). Neither is idempotent, so a failed attempt is only repeated when the
 * opportunity's interviews show it left nothing behind.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = opportunityParams.call(this, itemIndex);
	const panel = locatorValue.call(this, 'panel', itemIndex);
	const { timezone, ...details } = this.getNodeParameter(
		'additionalFields',
		itemIndex,
		{},
	) as IDataObject;
	const interview = interviewBody.call(
		this,
		{
			date: this.getNodeParameter('date', itemIndex, ''),
			duration: this.getNodeParameter('duration', itemIndex, ''),
			interviewers: this.getNodeParameter('interviewers', itemIndex, []),
			...details,
		},
		itemIndex,
	);
	assertCompleteInterview.call(this, interview, itemIndex);
	const performAs = locatorValue.call(this, 'performAs', itemIndex);
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	const findCreated = async () => {
		const interviews = await leverApiRequestAllItems.call(
			this,
			'/opportunities/{opportunity}/interviews',
			{ params, itemIndex },
		);
		return interviews.find(
			(candidate) =>
				Number(candidate.createdAt) >= sentAfter &&
				candidate.date === interview.date &&
				(!panel || candidate.panel === panel) &&
				interviewerIds(candidate) === interviewerIds(interview),
		);
	};
	return await createOnce(async (confirmNotApplied) => {
		if (panel) {
			const response = await leverApiRequest.call(
				this,
				'POST',
				'/opportunities/{opportunity}/interviews',
				{
					params,
					body: { ...interview, panel },
					performAs,
					confirmNotApplied,
					itemIndex,
				},
			);
			return unwrapData(response);
		}
		const response = await leverApiRequest.call(
			this,
			'POST',
			'/opportunities/{opportunity}/panels',
			{
				params,
				body: {
					timezone: String(timezone ?? '').trim() || this.getTimezone(),
					interviews: [interview],
				},
				performAs,
				confirmNotApplied,
				itemIndex,
			},
		);
		const created = unwrapData(response);
		const [first] = (created.interviews ?? []) as IDataObject[];
		return { ...first, panel: created.id };
	}, findCreated);
}
