import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A list parameter as a user would expect it read: an array (from an expression or a multi-select), or text with
 * one entry per comma or line; entries are trimmed and empty ones dropped. A single number or boolean is one entry.
 */
export function toList(value: unknown): string[] {
	let entries: unknown[] = [];
	if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(/[,\n]/);
	else if (typeof value === 'number' || typeof value === 'boolean') entries = [value];
	return entries
		.filter((entry) => entry !== undefined && entry !== null)
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '');
}

/** A resource locator's (or plain parameter's) value as a trimmed string; '' when not set. */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return typeof value === 'string'
		? value.trim()
		: value === undefined || value === null
			? ''
			: String(value);
}

/** A parameter that must be filled in; the error names the field as the user sees it. */
export function requiredLocatorValue(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = locatorValue.call(this, name, itemIndex);
	if (!value)
		throw new NodeOperationError(this.getNode(), `"${displayName}" is empty`, { itemIndex });
	return value;
}

/** A list parameter (see toList) that must have at least one entry. */
export function requiredList(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string[] {
	const list = toList(this.getNodeParameter(name, itemIndex, []));
	if (list.length === 0)
		throw new NodeOperationError(this.getNode(), `"${displayName}" is empty`, { itemIndex });
	return list;
}

/** Return All / Limit (see returnAllAndLimit): undefined means all. */
export function resultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex, false)
		? undefined
		: (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A date parameter (an ISO string, epoch milliseconds or a luxon value from an expression); the error names the field. */
export function toDate(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): Date {
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(
			this.getNode(),
			`"${displayName}" is not a date: ${String(value)}`,
			{ itemIndex },
		);
	}
	return new Date(ms);
}

/** A binary property of the input item as a Blob for a multipart upload. */
export async function binaryFile(
	this: IExecuteFunctions,
	propertyName: string,
	itemIndex: number,
): Promise<{ blob: Blob; fileName: string }> {
	const binary = this.helpers.assertBinaryData(itemIndex, propertyName);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return {
		blob: new Blob([new Uint8Array(buffer)], {
			type: binary.mimeType || 'application/octet-stream',
		}),
		fileName:
			binary.fileName ?? `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
	};
}

/** Secret keys pasted into a credential field: one per line, or separated by commas or spaces. */
export function splitKeys(value: unknown): string[] {
	return typeof value === 'string' ? value.split(/[\s,]+/).filter((key) => key !== '') : [];
}

/**
 * The "Update Fields" an item gives (fieldsCollection), without the ones left empty; none at all is refused naming
 * the field, since an update that changes nothing is a mistake in the workflow.
 */
export function updateFieldsOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const isEmpty = (value: unknown) =>
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(typeof value === 'object' && Object.keys(value).length === 0);
	const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
	if (Object.keys(given).length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'"Update Fields" is empty: add the fields to change',
			{ itemIndex },
		);
	return given;
}
