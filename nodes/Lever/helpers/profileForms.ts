import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createOnce } from '../../shared/upsert';
import { leverApiRequest, leverApiRequestAllItems } from '../transport';
import type { FormField } from './forms';
import { templateFieldFor, typedFieldValue } from './forms';
import { unwrapData } from './utils';

/**
 * Profile forms: where Lever keeps an opportunity's custom fields (lever.md §3.11). A form is filled in from a form
 * template and cannot be changed afterwards; filling it in again adds a newer form, whose answers are the current ones.
 */

export interface FormTemplate extends IDataObject {
	id: string;
	text: string;
	fields: FormField[];
}

/** Slack between n8n's clock and Lever's when looking for a form this execution may already have filled in. */
const CLOCK_SKEW_MS = 60_000;

export async function getFormTemplate(
	this: IExecuteFunctions,
	templateId: string,
	itemIndex: number,
): Promise<FormTemplate> {
	// ⚠ The docs show a bare template object, recordings of the sibling feedback templates `{data: {…}}`: both are read.
	const response = await leverApiRequest.call(this, 'GET', '/form_templates/{formTemplateId}', {
		params: { formTemplateId: templateId },
		itemIndex,
	});
	const template = unwrapData(response) as FormTemplate;
	return { ...template, fields: Array.isArray(template.fields) ? template.fields : [] };
}

/**
 * Values keyed by field ID or label, in the form the template's field types take; a key that is no field of the
 * template is refused, naming it (`label` is the parameter the values came from).
 */
export function templateValues(
	this: IExecuteFunctions,
	template: FormTemplate,
	values: Record<string, unknown>,
	itemIndex: number,
	label: string,
): Record<string, unknown> {
	const typed: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(values)) {
		const field = templateFieldFor(template.fields, key);
		if (!field) {
			throw new NodeOperationError(
				this.getNode(),
				`"${label}": "${key}" is not a field of the profile form "${template.text}"`,
				{
					itemIndex,
					description: `Its fields: ${template.fields.map((candidate) => `"${candidate.text}" (${candidate.id})`).join(', ')}`,
				},
			);
		}
		typed[field.id] = typedFieldValue.call(this, field, raw, itemIndex);
	}
	return typed;
}

/** The answers of the newest form of `templateId` on the opportunity, by field ID; undefined when there is none. */
export async function latestFormValues(
	this: IExecuteFunctions,
	opportunity: string,
	templateId: string,
	itemIndex: number,
): Promise<Record<string, unknown> | undefined> {
	const forms = await leverApiRequestAllItems.call(this, '/opportunities/{opportunity}/forms', {
		params: { opportunity },
		itemIndex,
	});
	const newest = forms
		.filter((form) => form.baseTemplateId === templateId)
		.sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0))[0];
	if (!newest) return undefined;
	return Object.fromEntries(
		((newest.fields ?? []) as FormField[]).map((field) => [field.id, field.value ?? null]),
	);
}

const sameValues = (form: IDataObject, values: Record<string, unknown>) =>
	((form.fields ?? []) as FormField[]).every(
		(field) => JSON.stringify(field.value ?? null) === JSON.stringify(values[field.id] ?? null),
	);

/** The custom fields a profile asks to store in the chosen form, by field ID; undefined when there are none to store. */
export async function customFieldsToStore(
	this: IExecuteFunctions,
	customFieldsForm: string,
	customFields: Record<string, unknown> | undefined,
	itemIndex: number,
): Promise<{ template: FormTemplate; values: Record<string, unknown> } | undefined> {
	if (!customFieldsForm || Object.keys(customFields ?? {}).length === 0) return undefined;
	const template = await getFormTemplate.call(this, customFieldsForm, itemIndex);
	return {
		template,
		values: templateValues.call(this, template, customFields!, itemIndex, 'customFields'),
	};
}

/** Refuses answers that leave a required field of the template empty, before anything is written. */
export function assertRequiredAnswers(
	this: IExecuteFunctions,
	template: FormTemplate,
	values: Record<string, unknown>,
	itemIndex: number,
	label: string,
): void {
	const missing = template.fields.filter(
		(field) => field.required && (values[field.id] === undefined || values[field.id] === null),
	);
	if (missing.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`"${label}": ${missing.map((field) => `"${field.text}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} required by the profile form "${template.text}"`,
			{ itemIndex },
		);
	}
}

/**
 * `POST /opportunities/:id/forms`: Lever wants every field of the template, as the template has it, with a value or
 * null. A required field without a value is refused before sending. Not idempotent: a failed attempt is repeated
 * only when the opportunity's forms show it left nothing behind.
 */
export async function submitProfileForm(
	this: IExecuteFunctions,
	opportunity: string,
	template: FormTemplate,
	values: Record<string, unknown>,
	options: { itemIndex: number; label: string; secret?: boolean; performAs?: string },
): Promise<IDataObject> {
	const { itemIndex, label } = options;
	assertRequiredAnswers.call(this, template, values, itemIndex, label);
	const body: IDataObject = {
		baseTemplateId: template.id,
		fields: template.fields.map((field) => ({ ...field, value: values[field.id] ?? null })),
		...(options.secret !== undefined ? { secret: options.secret } : {}),
	};
	const params = { opportunity };
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) =>
			unwrapData(
				await leverApiRequest.call(this, 'POST', '/opportunities/{opportunity}/forms', {
					params,
					body,
					performAs: options.performAs,
					confirmNotApplied,
					itemIndex,
				}),
			),
		async () => {
			const forms = await leverApiRequestAllItems.call(this, '/opportunities/{opportunity}/forms', {
				params,
				itemIndex,
			});
			return forms.find(
				(form) =>
					form.baseTemplateId === template.id &&
					Number(form.createdAt) >= sentAfter &&
					sameValues(form, values),
			);
		},
	);
}
