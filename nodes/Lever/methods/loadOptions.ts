import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { unwrapData } from '../helpers/utils';
import { leverApiRequest, leverApiRequestAllItems } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getArchiveReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
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
async function namedCounts(
	this: ILoadOptionsFunctions,
	endpoint: string,
): Promise<INodePropertyOptions[]> {
	const entries = await leverApiRequestAllItems.call(this, endpoint);
	return entries
		.map((entry) => ({
			name: String(entry.text),
			value: String(entry.text),
			description: `Used ${String(entry.count ?? 0)} times`,
		}))
		.sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedCounts.call(this, '/tags');
}

export async function getSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await namedCounts.call(this, '/sources');
}

export async function getFeedbackTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templates = await leverApiRequestAllItems.call(this, '/feedback_templates');
	return templates
		.map((template) => ({ name: String(template.text), value: template.id as string }))
		.sort(byName);
}

export async function getFeedbackTemplateFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const template = String(this.getCurrentNodeParameter('template') ?? '').trim();
	if (!template) return [];
	const response = await leverApiRequest.call(this, 'GET', '/feedback_templates/{template}', {
		params: { template },
	});
	return fieldOptions((unwrapData(response).fields ?? []) as IDataObject[]);
}

/** A form's fields as options: required ones marked with *, the type as description. */
function fieldOptions(fields: IDataObject[]): INodePropertyOptions[] {
	return fields.map((field) => ({
		name: `${String(field.text)}${field.required ? ' *' : ''}`,
		value: field.id as string,
		description: `Type: ${String(field.type)}`,
	}));
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await leverApiRequestAllItems.call(this, '/users');
	return users
		.map((user) => ({
			name: `${String(user.name)} <${String(user.email)}>`,
			value: user.id as string,
		}))
		.sort(byName);
}

/** The fields of the feedback chosen in the node, for changing its answers. */
export async function getFeedbackFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const opportunityId = String(
		this.getCurrentNodeParameter('opportunity', { extractValue: true }) ?? '',
	).trim();
	const feedbackId = String(
		this.getCurrentNodeParameter('feedback', { extractValue: true }) ?? '',
	).trim();
	if (!opportunityId || !feedbackId) return [];
	const response = await leverApiRequest.call(
		this,
		'GET',
		'/opportunities/{opportunityId}/feedback/{feedbackId}',
		{ params: { opportunityId, feedbackId } },
	);
	return fieldOptions(((response.data as IDataObject | undefined)?.fields ?? []) as IDataObject[]);
}

export async function getProfileFormTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templates = await leverApiRequestAllItems.call(this, '/form_templates');
	return templates
		.map((template) => ({ name: String(template.text), value: template.id as string }))
		.sort(byName);
}

export async function getProfileFormTemplateFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templateId = String(this.getCurrentNodeParameter('template') ?? '').trim();
	if (!templateId) return [];
	const response = await leverApiRequest.call(this, 'GET', '/form_templates/{templateId}', {
		params: { templateId },
	});
	return fieldOptions((unwrapData(response).fields ?? []) as IDataObject[]);
}

export async function getRequisitionFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await leverApiRequestAllItems.call(this, '/requisition_fields');
	return fields
		.map((field) => ({
			name: `${String(field.text)}${field.isRequired ? ' *' : ''}`,
			value: field.id as string,
			description: `Type: ${String(field.type)}`,
		}))
		.sort(byName);
}
