import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './errors';
import { failedItem } from './failedItem';

/*
 * The one operation signature of both ATS nodes: an operation handles ONE input item.
 *
 *   execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>
 *
 * Every Lever and SmartRecruiters call is about one candidate, job or posting, and what each operation would
 * otherwise repeat — the loop over the items, pairing each output with its input item, "continue on fail", and
 * naming the item that failed — is the same for all of them. The router below does it once, so an operation file
 * is only its parameters, its API calls and the errors that name its fields. (Airtable v2's items-in signature
 * suits batch APIs; neither ATS has batch writes.)
 */

/** JSON items (one per record), or whole items where binary data leaves the node (see OutputItems). */
export type OperationResult = IDataObject | IDataObject[] | OutputItems;

/** Output items with binary data (e.g. a downloaded file); the router pairs them with the input item. */
export class OutputItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

export interface AtsOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

/** A `<Resource>.resource.ts` module: the resource's properties, and each operation exported by its value. */
export type ResourceModule = { description: INodeProperties[] } & Record<string, unknown>;

const isOperation = (value: unknown): value is AtsOperation =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as AtsOperation).execute === 'function';

/** The operation `resource`/`operation` name in the resource modules, or undefined. */
export function findOperation(
	resources: Record<string, ResourceModule>,
	resource: string,
	operation: string,
): AtsOperation | undefined {
	const candidate =
		Object.hasOwn(resources, resource) && Object.hasOwn(resources[resource], operation)
			? resources[resource][operation]
			: undefined;
	return isOperation(candidate) ? candidate : undefined;
}

/**
 * Who an item is about, for its error, e.g. "candidate jane@example.com": the email of the profile JSON, else the
 * first of `parameters` (name → noun) that holds a value. A parameter the item does not have is skipped.
 */
function subjectOf(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: Record<string, string>,
): { noun: string; value: string } | undefined {
	const read = (name: string): unknown => {
		try {
			return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
		} catch {
			return undefined;
		}
	};
	if (read('profileInput') === 'json') {
		const profile = read('candidateProfile');
		try {
			const email = (
				typeof profile === 'string'
					? jsonParse<IDataObject>(profile)
					: (profile as IDataObject | undefined)
			)?.email;
			if (typeof email === 'string' && email.trim())
				return { noun: 'candidate', value: email.trim() };
		} catch {
			// An invalid profile is the error itself; it then names no one.
		}
	}
	for (const [name, noun] of Object.entries(parameters)) {
		const value = read(name);
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number')
			return { noun, value: String(value).trim() };
	}
	return undefined;
}

/**
 * Whether an error is about the item's own data (its input, or a record or field the ATS refused), so naming the
 * candidate helps; a rejected credential, the rate limit, a server error or an unreachable ATS are not.
 */
function isAboutTheItem(error: NodeApiError | NodeOperationError): boolean {
	if (error instanceof NodeOperationError) return true;
	const status = Number(error.httpCode);
	return status >= 400 && status < 500 && ![401, 403, 429].includes(status);
}

export interface RouterOptions {
	/** Parameters that identify who or what an item is about, with the noun to name it by, most telling first. */
	subjectParameters: Record<string, string>;
}

/**
 * Runs the chosen operation once per input item. Each output item is paired with its input item; a failed item's
 * error says who (email or id), where (the node, which n8n's errors carry) and why; with "continue on fail" it
 * becomes an error item and the other items go on.
 */
export async function routeItems(
	this: IExecuteFunctions,
	resources: Record<string, ResourceModule>,
	options: RouterOptions,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = findOperation(resources, resource, operation);
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for "${resource}"`,
		);
	}

	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let result: OperationResult;
		try {
			result = await handler.execute.call(this, itemIndex);
		} catch (caught) {
			const error = asNodeError(this.getNode(), caught, itemIndex);
			error.context.itemIndex ??= itemIndex;
			const subject = isAboutTheItem(error)
				? subjectOf(this, itemIndex, options.subjectParameters)
				: undefined;
			if (subject && !error.message.includes(subject.value))
				error.message = `${error.message} (${subject.noun} ${subject.value})`;
			if (!this.continueOnFail()) throw error;
			returnData.push(failedItem.call(this, error, itemIndex));
			continue;
		}
		if (result instanceof OutputItems) {
			returnData.push(
				...result.items.map((item) => ({ ...item, pairedItem: { item: itemIndex } })),
			);
		} else {
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		}
	}
	return [returnData];
}
