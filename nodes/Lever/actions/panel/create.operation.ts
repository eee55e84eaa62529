import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

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
import { fieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Interviews',
		name: 'interviews',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Interview',
		required: true,
		default: {},
		options: [
			{
				displayName: 'Interview',
				name: 'interview',
				values: [...requiredInterviewFields, ...interviewDetails],
			},
		],
	},
	performAsRLC,
	fieldsCollection('additionalFields', panelOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['panel'], operation: ['create'] } },
	properties,
);

/** Slack between n8n's clock and Lever's when looking for a panel this execution may already have created. */
const CLOCK_SKEW_MS = 60_000;

/**
 * `POST …/panels`: a panel with its interviews, which Lever then lets this integration change (`externallyManaged`).
 * Not idempotent: a failed attempt is repeated only when the opportunity's panels show it left nothing behind.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = opportunityParams.call(this, itemIndex);
	const entries = ((this.getNodeParameter('interviews', itemIndex, {}) as IDataObject).interview ??
		[]) as IDataObject[];
	if (entries.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'"Interviews" is empty: a panel needs at least one interview',
			{ itemIndex },
		);
	const interviews = entries.map((entry, index) => {
		const interview = interviewBody.call(this, entry, itemIndex, `Interviews ${index + 1}`);
		assertCompleteInterview.call(this, interview, itemIndex, `Interviews ${index + 1}`);
		return interview;
	});
	const { timezone, ...options } = this.getNodeParameter(
		'additionalFields',
		itemIndex,
		{},
	) as IDataObject;
	const body: IDataObject = {
		timezone: String(timezone ?? '').trim() || this.getTimezone(),
		interviews,
	};
	for (const [key, value] of Object.entries(options))
		if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) =>
			unwrapData(
				await leverApiRequest.call(this, 'POST', '/opportunities/{opportunity}/panels', {
					params,
					body,
					performAs: locatorValue.call(this, 'performAs', itemIndex),
					confirmNotApplied,
					itemIndex,
				}),
			),
		async () => {
			const panels = await leverApiRequestAllItems.call(
				this,
				'/opportunities/{opportunity}/panels',
				{ params, itemIndex },
			);
			const dates = (panel: IDataObject) =>
				((panel.interviews ?? []) as IDataObject[]).map((interview) => interview.date).join(',');
			return panels.find(
				(panel) =>
					Number(panel.createdAt) >= sentAfter &&
					dates(panel) === interviews.map((interview) => interview.date).join(','),
			);
		},
	);
}
