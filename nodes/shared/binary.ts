import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse, INodeProperties } from 'n8n-workflow';

import { OutputItems } from './router';

/** "Put Output File in Field", as n8n's own download operations name it (Google Drive, HTTP Request). */
export const binaryOutputProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred over `filename="…"`). */
export function fileNameFromDisposition(header: unknown): string | undefined {
	if (typeof header !== 'string') return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// A malformed encoding falls back to the plain parameter.
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
	return plain ? plain[1].trim() : undefined;
}

/**
 * A downloaded file as the operation's output item: the JSON the caller gives (the record the file belongs to) and
 * the bytes in the binary field the user chose, with the vendor's file name and content type. The name the vendor
 * sends with the file wins over `fallbackName` (a name from the record's metadata).
 */
export async function downloadedFile(
	this: IExecuteFunctions,
	itemIndex: number,
	response: IN8nHttpFullResponse,
	json: IDataObject,
	fallbackName?: string,
): Promise<OutputItems> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const headers = response.headers ?? {};
	const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'].split(';')[0].trim() : undefined;
	const fileName = fileNameFromDisposition(headers['content-disposition']) ?? fallbackName;
	const body = response.body as Buffer | ArrayBuffer;
	const binary = await this.helpers.prepareBinaryData(Buffer.from(body as ArrayBuffer), fileName, contentType || undefined);
	return new OutputItems([{ json, binary: { [property]: binary } }]);
}
