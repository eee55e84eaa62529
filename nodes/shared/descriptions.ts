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
