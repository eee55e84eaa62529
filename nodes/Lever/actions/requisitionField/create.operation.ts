import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import {
	assertFieldId,
	choicesBody,
	FIELD_TYPES,
	optionsProperty,
	subfieldsProperty,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'ID',
		name: 'fieldId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cost_center',
		description: 'Snake_case, at most 50 characters',
	},
	{
		displayName: 'Name',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Cost center',
	},
	{ displayName: 'Type', name: 'type', type: 'options', options: FIELD_TYPES, default: 'text' },
	{ ...optionsProperty, required: true, displayOptions: { show: { type: ['dropdown'] } } },
	{ ...subfieldsProperty, displayOptions: { show: { type: ['object'] } } },
	{
		displayName: 'Required',
		name: 'isRequired',
		type: 'boolean',
		default: false,
		description: 'Whether every requisition must fill it in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['requisitionField'], operation: ['create'] } },
	properties,
);

/** `POST /requisition_fields`. The ID is the caller's and unique, so repeating the create cannot make a second field. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'fieldId', 'ID', itemIndex);
	assertFieldId.call(this, id, itemIndex);
	const type = this.getNodeParameter('type', itemIndex) as string;
	const choices = choicesBody(
		{
			dropdownOptions:
				type === 'dropdown' ? this.getNodeParameter('dropdownOptions', itemIndex, '') : undefined,
			subfields: type === 'object' ? this.getNodeParameter('subfields', itemIndex, {}) : undefined,
		},
		type,
	);
	if (type === 'dropdown' && (choices.options as IDataObject[]).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'"Options" is empty: a dropdown needs at least one option',
			{ itemIndex },
		);
	}
	const body: IDataObject = {
		id,
		text: requiredLocatorValue.call(this, 'text', 'Name', itemIndex),
		type,
		isRequired: this.getNodeParameter('isRequired', itemIndex, false) as boolean,
		...choices,
	};
	// A repeat after a lost answer is refused as a duplicate ID rather than creating a second field.
	return (
		await leverApiRequest.call(this, 'POST', '/requisition_fields', {
			body,
			idempotent: true,
			itemIndex,
		})
	).data as IDataObject;
}
