import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { jobInputParts, jobUpdateFields, locationInput } from '../../helpers/job';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job to change'), jobUpdateFields];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['update'] } },
	properties,
);

/**
 * `PATCH /jobs/{id}` takes a JSON Patch. Location, compensation and the job ad are objects: the job is read first and
 * each is replaced whole with the changed fields merged in, so fields not given keep their values. Every operation is
 * an `add`, which sets an object member whether or not the job has it yet (`replace` fails on a missing one).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const { top, location, compensation, sections } = jobInputParts.call(this, fields, itemIndex);
	if ([top, location, compensation, sections].every((part) => Object.keys(part).length === 0)) {
		throw new NodeOperationError(
			this.getNode(),
			'"Update Fields" is empty: add at least one field to change',
			{ itemIndex },
		);
	}
	if (location.countryCode !== undefined && String(location.countryCode).length !== 2) {
		throw new NodeOperationError(
			this.getNode(),
			`"Country Code" must be two letters, e.g. de, not "${String(location.countryCode)}"`,
			{ itemIndex },
		);
	}
	const patch: IDataObject[] = Object.entries(top).map(([key, value]) => ({
		op: 'add',
		path: `/${key}`,
		value,
	}));
	const needsCurrent = [location, compensation, sections].some(
		(part) => Object.keys(part).length > 0,
	);
	const current = needsCurrent
		? await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', {
				params: { jobId },
				itemIndex,
			})
		: {};
	if (Object.keys(location).length > 0) {
		patch.push({
			op: 'add',
			path: '/location',
			value: { ...locationInput(current.location as IDataObject | undefined), ...location },
		});
	}
	if (Object.keys(compensation).length > 0) {
		patch.push({
			op: 'add',
			path: '/compensation',
			value: { ...(current.compensation as IDataObject | undefined), ...compensation },
		});
	}
	if (Object.keys(sections).length > 0) {
		const jobAd = (current.jobAd as IDataObject | undefined) ?? {};
		const currentSections = (jobAd.sections as IDataObject | undefined) ?? {};
		const merged = Object.fromEntries(
			Object.entries(sections).map(([name, section]) => [
				name,
				{ ...(currentSections[name] as IDataObject | undefined), ...(section as IDataObject) },
			]),
		);
		patch.push({
			op: 'add',
			path: '/jobAd',
			value: { ...jobAd, sections: { ...currentSections, ...merged } },
		});
	}
	return await smartRecruitersApiRequest.call(this, 'PATCH', '/jobs/{jobId}', {
		params: { jobId },
		body: patch,
		contentType: 'application/json-patch+json',
		itemIndex,
	});
}
