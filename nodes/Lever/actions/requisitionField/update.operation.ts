import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { updateFieldsOf } from '../../../shared/parameters';

import { leverApiRequest } from '../../transport';
import { recordParams, recordProperties } from '../recordOperation';
import { REQUISITION_FIELD } from '../records';
import { choicesBody, optionsProperty, subfieldsProperty } from './fields';

const properties: INodeProperties[] = [
	...recordProperties(REQUISITION_FIELD),
	fieldsCollection('updateFields', [
		{ displayName: 'Name', name: 'text', type: 'string', default: '' },
		optionsProperty,
		{
			displayName: 'Required',
			name: 'isRequired',
			type: 'boolean',
			default: false,
			description: 'Whether every requisition must fill it in',
		},
		subfieldsProperty,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['requisitionField'], operation: ['update'] } },
	properties,
);

/** `PUT /requisition_fields/:id` with the field as Lever has it and the changes given (its type cannot change). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, REQUISITION_FIELD, itemIndex);
	const fields = updateFieldsOf.call(this, itemIndex);
	const current = (
		await leverApiRequest.call(this, 'GET', REQUISITION_FIELD.route, { params, itemIndex })
	).data as IDataObject;
	const type = String(current.type);
	if (
		(fields.dropdownOptions !== undefined && type !== 'dropdown') ||
		(fields.subfields !== undefined && type !== 'object')
	) {
		throw new NodeOperationError(
			this.getNode(),
			`"${fields.dropdownOptions !== undefined ? 'Options' : 'Subfields'}" does not apply to the ${type} field "${String(current.text)}"`,
			{ itemIndex },
		);
	}
	const body: IDataObject = {
		text: typeof fields.text === 'string' && fields.text.trim() ? fields.text.trim() : current.text,
		isRequired: fields.isRequired ?? current.isRequired ?? false,
		...(current.options ? { options: current.options } : {}),
		...(current.subfields ? { subfields: current.subfields } : {}),
		...choicesBody(fields, type, current),
	};
	return (
		await leverApiRequest.call(this, 'PUT', REQUISITION_FIELD.route, { params, body, itemIndex })
	).data as IDataObject;
}
