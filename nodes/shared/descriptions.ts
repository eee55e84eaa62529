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
export function resourceProperty(
	defaultResource: string,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
	};
}

/** The Operation selector of one resource (its options sorted by name, each with an `action`). */
export function operationProperty(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties {
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

/** Where a downloaded file goes: n8n's "Put Output File in Field" (the binary property of the output item). */
export function binaryOutputProperty(): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	};
}

const COLLECTIONS = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
} as const;

/** n8n's usual collection of optional fields ("Additional Fields", "Update Fields", "Filters", "Options"), sorted by name. */
export function fieldsCollection(
	name: keyof typeof COLLECTIONS,
	options: INodeProperties[],
): INodeProperties {
	return {
		...COLLECTIONS[name],
		name,
		type: 'collection',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export interface RecordLocatorSpec {
	/** Parameter name: the record's name, e.g. `user` or `position`. */
	name: string;
	displayName: string;
	description: string;
	/** The node's list search method (`methods.listSearch`) for "From List". */
	searchListMethod: string;
	/** E.g. "e.g. 5e0000000000000000000001". */
	idPlaceholder: string;
	/** Default: "Select a <display name>…". */
	listPlaceholder?: string;
	required?: boolean;
}

/**
 * A resource locator for a record the user picks from a list search (`searchListMethod`) or enters by ID. No format
 * check on the ID: where the field is optional, n8n flags an empty value that fails one.
 */
export function recordLocator(spec: RecordLocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(spec.required ? { required: true } : {}),
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder ?? `Select a ${spec.displayName.toLowerCase()}…`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: spec.idPlaceholder },
		],
	};
}

/**
 * A credential's "Share of Rate Limit": the vendors limit per credential, n8n queue mode runs each execution on one of
 * several worker processes, and the workers cannot see each other's requests. Each takes its share.
 */
export const rateLimitShareProperty: INodeProperties = {
	displayName: 'Share of Rate Limit',
	name: 'rateLimitShare',
	type: 'number',
	typeOptions: { minValue: 0.05, maxValue: 1, numberPrecision: 2 },
	default: 1,
	description:
		"Part of the vendor's rate limit each n8n process may use with this credential. Keep 1 for a single n8n instance; in queue mode use 1 divided by the number of workers (0.5 for two), so together they stay within the limit.",
};
