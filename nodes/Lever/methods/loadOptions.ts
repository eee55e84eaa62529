import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leverApiRequest, leverApiRequestAllItems } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getArchiveReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const reasons = await leverApiRequestAllItems.call(this, '/archive_reasons');
	return reasons
		.filter((reason) => reason.status !== 'inactive')
		.map((reason) => ({
			name: `${String(reason.text)} (${reason.type === 'hired' ? 'hired' : 'not hired'})`,
			value: reason.id as string,
		}))
		.sort(byName);
}

/** Tags and sources are identified by their text; the count shows how often each is used. */
async function namedCounts(this: ILoadOptionsFunctions, endpoint: string): Promise<INodePropertyOptions[]> {
	const entries = await leverApiRequestAllItems.call(this, endpoint);
	return entries
		.map((entry) => ({ name: String(entry.text), value: String(entry.text), description: `Used ${String(entry.count ?? 0)} times` }))
		.sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedCounts.call(this, '/tags');
}

export async function getSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedCounts.call(this, '/sources');
}

export async function getFeedbackTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await leverApiRequestAllItems.call(this, '/feedback_templates');
	return templates.map((template) => ({ name: String(template.text), value: template.id as string })).sort(byName);
}

export async function getFeedbackTemplateFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const template = String(this.getCurrentNodeParameter('template') ?? '').trim();
	if (!template) return [];
	const response = await leverApiRequest.call(this, 'GET', `/feedback_templates/${encodeURIComponent(template)}`);
	const fields = ((response.data as IDataObject | undefined)?.fields ?? []) as IDataObject[];
	return fields.map((field) => ({
		name: `${String(field.text)}${field.required ? ' *' : ''}`,
		value: field.id as string,
		description: `Type: ${String(field.type)}`,
	}));
}
