import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { allowedSubStatuses, getHiringProcesses, listConfiguration } from '../helpers/lookups';
import { apiRequest } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const toOptions = (entries: IDataObject[]): INodePropertyOptions[] =>
	entries.map((entry) => ({ name: String(entry.label ?? entry.name ?? entry.id), value: String(entry.id) })).sort(byName);

export async function getSourceTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions(await listConfiguration.call(this, '/configuration/sources'));
}

/** Source values of the chosen type; this list is offset-paginated (100 per page). */
export async function getSourceValues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sourceType = String(this.getCurrentNodeParameter('sourceTypeId') ?? '');
	if (!sourceType) return [];
	const values: IDataObject[] = [];
	for (let offset = 0; ; offset += 100) {
		const page = await apiRequest.call(this, 'GET', '/configuration/sources/{sourceType}/values', {
			params: { sourceType },
			qs: { limit: 100, offset },
		});
		const content = (page.content as IDataObject[] | undefined) ?? [];
		values.push(...content);
		if (content.length < 100 || values.length >= Number(page.totalFound ?? 0)) break;
	}
	return toOptions(values);
}

export async function getCandidateProperties(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const properties = await listConfiguration.call(this, '/configuration/candidate-properties');
	return properties
		.map((property) => ({ name: `${String(property.label)} (${String(property.type)})`, value: String(property.id) }))
		.sort(byName);
}

/** Sub-statuses of the chosen status: from the job's hiring process when a job is chosen, else from all processes. */
export async function getSubStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const status = String(this.getCurrentNodeParameter('status') ?? '');
	const job = this.getCurrentNodeParameter('jobId', { extractValue: true }) as string | undefined;
	const labels = job
		? await allowedSubStatuses.call(this, job, status)
		: [...new Set((await getHiringProcesses.call(this)).flatMap((hiringProcess) => hiringProcess.subStatuses?.[status] ?? []))];
	return labels.map((label) => ({ name: label, value: label })).sort(byName);
}

export async function getStatusReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const status = String(this.getCurrentNodeParameter('status') ?? '');
	if (status === 'REJECTED') return toOptions(await listConfiguration.call(this, '/configuration/rejection-reasons'));
	if (status === 'WITHDRAWN') return toOptions(await listConfiguration.call(this, '/configuration/withdrawal-reasons'));
	return [];
}
