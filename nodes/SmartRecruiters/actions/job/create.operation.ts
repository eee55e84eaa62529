import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { createOnce } from '../../../shared/upsert';
import { EXPERIENCE_LEVELS } from '../../helpers/constants';
import { jobAdditionalFields, jobInputParts } from '../../helpers/job';
import { smartRecruitersApiRequest, smartRecruitersApiRequestAllItems } from '../../transport';

/** Slack between n8n's clock and SmartRecruiters' when looking for a job this run may already have created. */
const CLOCK_SKEW_MS = 60_000;

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
	{
		displayName: 'Function ID',
		name: 'function',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. information_technology',
		description: "SmartRecruiters' ID of the job function",
	},
	{
		displayName: 'Industry ID',
		name: 'industry',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. computer_software',
		description: "SmartRecruiters' ID of the industry",
	},
	{
		displayName: 'Experience Level',
		name: 'experienceLevel',
		type: 'options',
		options: EXPERIENCE_LEVELS,
		default: 'mid_senior_level',
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '', required: true },
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. de',
		description: 'Two letters (ISO 3166-1)',
	},
	jobAdditionalFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['create'] } },
	properties,
);

const REQUIRED = {
	title: 'Title',
	function: 'Function ID',
	industry: 'Industry ID',
	city: 'City',
	countryCode: 'Country Code',
} as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	for (const [name, displayName] of Object.entries(REQUIRED)) {
		const value = String(this.getNodeParameter(name, itemIndex, '')).trim();
		if (!value)
			throw new NodeOperationError(
				this.getNode(),
				`"${displayName}" is empty: SmartRecruiters requires it to create a job`,
				{ itemIndex },
			);
		fields[name] = value;
	}
	fields.experienceLevel = this.getNodeParameter('experienceLevel', itemIndex);
	if (String(fields.countryCode).length !== 2) {
		throw new NodeOperationError(
			this.getNode(),
			`"Country Code" must be two letters, e.g. de, not "${String(fields.countryCode)}"`,
			{ itemIndex },
		);
	}
	const { top, location, compensation, sections } = jobInputParts.call(this, fields, itemIndex);
	const body: IDataObject = { ...top, location };
	if (Object.keys(compensation).length > 0) body.compensation = compensation;
	if (Object.keys(sections).length > 0) body.jobAd = { sections };

	// Creating is not idempotent: after a 5xx, a reset or a timeout, a job of this title (and reference) created
	// since this attempt began is the one it created.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', '/jobs', {
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () => {
			const jobs = await smartRecruitersApiRequestAllItems.call(this, '/jobs', {
				qs: { q: body.title, sort: 'job_id' },
				itemIndex,
			});
			const created = jobs.find(
				(job) =>
					job.title === body.title &&
					(body.refNumber === undefined || job.refNumber === body.refNumber) &&
					Date.parse(String(job.createdOn)) >= sentAfter,
			);
			return (
				created &&
				(await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', {
					params: { jobId: String(created.id) },
					itemIndex,
				}))
			);
		},
	);
}
