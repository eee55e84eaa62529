import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A resource locator's (or plain parameter's) value as a trimmed string; '' when not set. */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
}

/** A resource locator that must be filled in; the error names the field. */
export function requiredLocatorValue(this: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const value = locatorValue.call(this, name, itemIndex);
	if (!value) throw new NodeOperationError(this.getNode(), `"${displayName}" is empty`, { itemIndex });
	return value;
}

/** Accepts a list given as an array or as a comma/newline-separated string (expressions produce either). */
export function toList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\n]/) : [];
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}

export function requiredList(this: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string[] {
	const list = toList(this.getNodeParameter(name, itemIndex, []));
	if (list.length === 0) throw new NodeOperationError(this.getNode(), `"${displayName}" is empty`, { itemIndex });
	return list;
}

/** Date parameters (ISO strings or luxon values from expressions) as Lever's epoch milliseconds. */
export function toTimestamp(this: IExecuteFunctions, value: unknown, displayName: string, itemIndex: number): number {
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(this.getNode(), `"${displayName}" is not a date: ${String(value)}`, { itemIndex });
	}
	return ms;
}

/** Reads Return All / Limit: undefined means all. */
export function resultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex, false) ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A binary property of the input item as a Blob for a multipart upload. */
export async function binaryAsBlob(
	this: IExecuteFunctions,
	propertyName: string,
	itemIndex: number,
): Promise<{ blob: Blob; fileName: string }> {
	const binary = this.helpers.assertBinaryData(itemIndex, propertyName);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return {
		blob: new Blob([new Uint8Array(buffer)], { type: binary.mimeType }),
		fileName: binary.fileName ?? `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
	};
}

function appendFields(form: FormData, prefix: string, value: IDataObject) {
	for (const [child, childValue] of Object.entries(value)) {
		if (childValue !== undefined && childValue !== null) form.append(`${prefix}[${child}]`, String(childValue));
	}
}

/**
 * Appends a JSON-shaped body to multipart form data in Lever's documented form: `emails[]` per element, nested values
 * as `archived[reason]`, and array elements that are objects by index: `phones[0][value]`, `phones[0][type]`.
 */
export function appendMultipart(form: FormData, body: IDataObject) {
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			value.forEach((entry, index) => {
				if (entry !== null && typeof entry === 'object') appendFields(form, `${key}[${index}]`, entry as IDataObject);
				else form.append(`${key}[]`, String(entry));
			});
		} else if (typeof value === 'object') {
			appendFields(form, key, value as IDataObject);
		} else {
			form.append(key, String(value));
		}
	}
}
