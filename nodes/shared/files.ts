import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { OutputItems } from './router';

/** A file an ATS sent back: its bytes, and the type and name its headers give. */
export interface DownloadedFile {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
}

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = Object.entries(response.headers ?? {}).find(
		([key]) => key.toLowerCase() === name,
	)?.[1];
	return Array.isArray(value)
		? String(value[0])
		: value === undefined || value === null
			? undefined
			: String(value);
}

/** The file name of a `Content-Disposition` header: RFC 6266's `filename*=UTF-8''…` first, else `filename="…"`. */
export function fileNameOfDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)?'[^']*'([^;]+)/.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// A malformed escape: fall back to the plain parameter.
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name || undefined;
}

/** The downloaded bytes of a response made with `binary: true`, with the type and name its headers give. */
export function downloadedFile(response: IN8nHttpFullResponse): DownloadedFile {
	const body = response.body as unknown;
	let data: Buffer;
	if (Buffer.isBuffer(body)) data = body;
	else if (body instanceof ArrayBuffer) data = Buffer.from(body);
	else if (ArrayBuffer.isView(body))
		data = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	else data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
	return {
		data,
		mimeType: header(response, 'content-type')?.split(';')[0].trim() || undefined,
		fileName: fileNameOfDisposition(header(response, 'content-disposition')),
	};
}

/**
 * The output item of a download: `json` (what the file is) and the file in the binary field the user named
 * ("Put Output File in Field"); `fallbackName` names a file the ATS sent without a name.
 */
export async function fileOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	file: DownloadedFile,
	json: IDataObject,
	fallbackName: string,
): Promise<OutputItems> {
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!field)
		throw new NodeOperationError(this.getNode(), '"Put Output File in Field" is empty', {
			itemIndex,
		});
	// "application/octet-stream" says nothing about the file: n8n then takes the type from the name (or the bytes).
	const mimeType = file.mimeType === 'application/octet-stream' ? undefined : file.mimeType;
	const binary = await this.helpers.prepareBinaryData(
		file.data,
		file.fileName ?? fallbackName,
		mimeType,
	);
	return new OutputItems([
		{
			json: {
				...json,
				fileName: binary.fileName,
				mimeType: binary.mimeType,
				fileSize: file.data.length,
			},
			binary: { [field]: binary },
		},
	]);
}
