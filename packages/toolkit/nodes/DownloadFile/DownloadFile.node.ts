import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../../../nodes/shared/errors';
import { failedItem } from '../../../../nodes/shared/failedItem';
import {
	addressPolicyOptions,
	fetchPublicFile,
	readAddressPolicy,
	safeUrl,
} from '../shared/publicFetch';

const MEGABYTE = 1024 * 1024;

/** The file name from Content-Disposition, else the last path segment of the URL. */
export function fileNameOf(url: URL, contentDisposition: string | undefined): string {
	const header = contentDisposition ?? '';
	const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
		} catch {
			// A malformed encoded name falls back to the plain one.
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1];
	if (plain) return plain.trim();
	const segment = url.pathname.split('/').filter(Boolean).pop();
	return segment ? decodeURIComponent(segment) : 'download';
}

export class DownloadFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Download File',
		name: 'downloadFile',
		icon: { light: 'file:downloadFile.svg', dark: 'file:downloadFile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "→ " + $parameter["binaryPropertyName"] }}',
		description:
			'Downloads the file at a URL (a CV, an interview report) into a binary field, for an ATS node to upload. Items without a URL leave unchanged on the "No URL" output. Addresses inside your network are refused unless allowed.',
		defaults: { name: 'Download File' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['File', 'No URL'],
		usableAsTool: true,
		properties: [
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '={{ $json.cvUrl }}',
				placeholder: 'https://files.example.com/cv.pdf',
				description:
					'HTTP(S) address of the file. When it is empty the item leaves unchanged on the "No URL" output, so the upload after this node only gets items with a file.',
			},
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
				hint: 'The name of the output binary field to put the file in',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					...addressPolicyOptions,
					{
						displayName: 'File Name',
						name: 'fileName',
						type: 'string',
						default: '',
						description:
							'Name given to the file. Empty: the name the server sends, else the last part of the URL.',
					},
					{
						displayName: 'Max Size (MB)',
						name: 'maxSizeMb',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
						description:
							'Larger files fail the item instead of being uploaded (Lever and SmartRecruiters refuse files over their limits)',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const downloaded: INodeExecutionData[] = [];
		const withoutUrl: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const result = await downloadInto.call(this, items[itemIndex], itemIndex);
				(result ? downloaded : withoutUrl).push({
					...(result ?? items[itemIndex]),
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				downloaded.push(failedItem.call(this, error, itemIndex));
			}
		}
		return [downloaded, withoutUrl];
	}
}

/** The item with the file added, or undefined when its URL is empty. */
async function downloadInto(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
): Promise<INodeExecutionData | undefined> {
	const raw = this.getNodeParameter('url', itemIndex, '') as unknown;
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (raw !== undefined && raw !== null && typeof raw !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			`"URL" must be text, not ${Array.isArray(raw) ? 'a list' : typeof raw}`,
			{ itemIndex },
		);
	}
	if (!text) return undefined;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(this.getNode(), '"URL" is not a valid URL', { itemIndex });
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new NodeOperationError(
			this.getNode(),
			`"URL" must start with https:// or http://, not ${url.protocol}`,
			{ itemIndex },
		);
	}
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex)).trim();
	if (!property)
		throw new NodeOperationError(this.getNode(), '"Put Output File in Field" is empty', {
			itemIndex,
		});
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const maxBytes = Number(options.maxSizeMb ?? 30) * MEGABYTE;

	const file = await fetchPublicFile.call(
		this,
		url,
		readAddressPolicy.call(this, options, itemIndex),
		itemIndex,
	);
	const body = file.body;
	if (body.length > maxBytes) {
		throw new NodeOperationError(
			this.getNode(),
			`The file at ${safeUrl(url)} is ${(body.length / MEGABYTE).toFixed(1)} MB, over the ${options.maxSizeMb ?? 30} MB limit`,
			{
				itemIndex,
			},
		);
	}
	if (body.length === 0)
		throw new NodeOperationError(this.getNode(), `The file at ${safeUrl(url)} is empty`, {
			itemIndex,
		});
	const fileName =
		String(options.fileName || '').trim() ||
		fileNameOf(file.url, file.headers['content-disposition']);
	const mimeType = file.headers['content-type']?.split(';')[0].trim() || undefined;
	const binary = await this.helpers.prepareBinaryData(body, fileName, mimeType);
	return { json: item.json, binary: { ...item.binary, [property]: binary } };
}
