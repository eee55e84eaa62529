import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { offsetPages } from '../../shared/transport/pagination';
import { allowedSubStatuses, getHiringProcesses, listConfiguration } from '../helpers/lookups';
import { smartRecruitersApiRequestAllItems } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const toOptions = (entries: IDataObject[]): INodePropertyOptions[] =>
	entries
		.map((entry) => ({
			name: String(entry.label ?? entry.name ?? entry.id),
			value: String(entry.id),
		}))
		.sort(byName);

export async function getSourceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await listConfiguration.call(this, '/configuration/sources'));
}

/** Source values of the chosen type; this list is offset-paginated (100 per page). */
export async function getSourceValues(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const sourceType = String(this.getCurrentNodeParameter('sourceTypeId') ?? '');
	if (!sourceType) return [];
	const values = await smartRecruitersApiRequestAllItems.call(
		this,
		'/configuration/sources/{sourceType}/values',
		{
			params: { sourceType },
			pages: offsetPages,
		},
	);
	return toOptions(values);
}

export async function getCandidateProperties(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const properties = await listConfiguration.call(this, '/configuration/candidate-properties');
	return properties
		.map((property) => ({
			name: `${String(property.label)} (${String(property.type)})`,
			value: String(property.id),
		}))
		.sort(byName);
}

/** Candidate properties whose values are a list of options (the only ones with values to list). */
export async function getSingleSelectCandidateProperties(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return toOptions(
		(await listConfiguration.call(this, '/configuration/candidate-properties')).filter(
			(property) => property.type === 'SINGLE_SELECT',
		),
	);
}

export async function getJobProperties(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return toOptions(await listConfiguration.call(this, '/configuration/job-properties'));
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await listConfiguration.call(this, '/configuration/departments'));
}

/** Sub-statuses of the chosen status: from the job's hiring process when a job is chosen, else from all processes. */
export async function getSubStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const status = String(this.getCurrentNodeParameter('status') ?? '');
	const job = this.getCurrentNodeParameter('job', { extractValue: true }) as string | undefined;
	const labels = job
		? await allowedSubStatuses.call(this, job, status)
		: [
				...new Set(
					(await getHiringProcesses.call(this)).flatMap(
						(hiringProcess) => hiringProcess.subStatuses?.[status] ?? [],
					),
				),
			];
	return labels.map((label) => ({ name: label, value: label })).sort(byName);
}

export async function getStatusReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const status = String(this.getCurrentNodeParameter('status') ?? '');
	if (status === 'REJECTED')
		return toOptions(await listConfiguration.call(this, '/configuration/rejection-reasons'));
	if (status === 'WITHDRAWN')
		return toOptions(await listConfiguration.call(this, '/configuration/withdrawal-reasons'));
	return [];
}
