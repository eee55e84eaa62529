import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** n8n's usual "Return All" / "Limit" pair for list operations. A function: callers attach their own display options. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The Authentication choice of an ATS node; it decides which credential the transport uses. */
export function authenticationProperty(oAuth2Name: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'API Key', value: 'apiKey' },
			{ name: oAuth2Name, value: 'oAuth2' },
		],
		default: 'apiKey',
	};
}

/** A node's Resource selector. */
export function resourceProperty(defaultResource: string, options: INodePropertyOptions[]): INodeProperties {
	return { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options, default: defaultResource };
}

/** The Operation selector of one resource (its options sorted by name, each with an `action`). */
export function operationProperty(resource: string, defaultOperation: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/**
 * n8n's "Additional Fields" (optional fields of a create) or "Update Fields" (the fields an update changes)
 * collection; its options are sorted by display name, as n8n's lint wants them.
 */
export function fieldsCollection(name: 'additionalFields' | 'updateFields', options: INodeProperties[]): INodeProperties {
	return {
		displayName: name === 'updateFields' ? 'Update Fields' : 'Additional Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * A resource locator for a record the user picks from a list search (`searchListMethod`) or enters by ID. No format
 * check on the ID: where the field is optional, n8n flags an empty value that fails one.
 */
export function listSearchLocator(options: {
	name: string;
	displayName: string;
	searchListMethod: string;
	description: string;
	idPlaceholder: string;
	required?: boolean;
	/** What the list holds, for its placeholder ("Select a user…"); default: the display name. */
	noun?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required ? { required: true } : {}),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.noun ?? options.displayName.toLowerCase()}…`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: options.idPlaceholder },
		],
	};
}
