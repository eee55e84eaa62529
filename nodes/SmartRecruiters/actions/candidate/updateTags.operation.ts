import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue, toList } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

const MAX_TAGS = 100;
const MAX_TAG_LENGTH = 50;

const properties: INodeProperties[] = [
	candidateRLC,
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Add', value: 'add', description: 'Add the tags, keeping the existing ones' },
			{ name: 'Remove', value: 'remove', description: 'Remove these tags, keeping the others' },
			{ name: 'Replace All', value: 'replace', description: 'Make these the only tags' },
		],
		default: 'add',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		description: 'Tags, comma-separated or one per line (at most 100, each at most 50 characters)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['updateTags'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const mode = this.getNodeParameter('mode', itemIndex) as 'add' | 'remove' | 'replace';
	const tags = toList(this.getNodeParameter('tags', itemIndex, ''));
	const tooLong = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
	if (tooLong)
		throw new NodeOperationError(
			this.getNode(),
			`"Tags": "${tooLong}" is longer than ${MAX_TAG_LENGTH} characters`,
			{ itemIndex },
		);
	if (tags.length > MAX_TAGS)
		throw new NodeOperationError(
			this.getNode(),
			`"Tags" has ${tags.length} tags; SmartRecruiters allows ${MAX_TAGS}`,
			{ itemIndex },
		);
	if (tags.length === 0 && mode !== 'replace')
		throw new NodeOperationError(this.getNode(), '"Tags" is empty', { itemIndex });

	const route = '/candidates/{candidateId}/tags';
	const params = { candidateId };
	if (mode === 'add') {
		await smartRecruitersApiRequest.call(this, 'POST', route, {
			params,
			body: { tags },
			itemIndex,
		});
	} else {
		let remaining = tags;
		if (mode === 'remove') {
			// SmartRecruiters can only replace or delete all tags: read, filter, write back.
			const current = (await smartRecruitersApiRequest.call(this, 'GET', route, {
				params,
				itemIndex,
			})) as { tags?: string[] };
			const removed = new Set(tags.map((tag) => tag.toLowerCase()));
			remaining = (current.tags ?? []).filter((tag) => !removed.has(tag.toLowerCase()));
		}
		if (remaining.length === 0)
			await smartRecruitersApiRequest.call(this, 'DELETE', route, { params, itemIndex });
		else
			await smartRecruitersApiRequest.call(this, 'PUT', route, {
				params,
				body: { tags: remaining },
				itemIndex,
			});
	}
	const result = (await smartRecruitersApiRequest.call(this, 'GET', route, {
		params,
		itemIndex,
	})) as { tags?: string[] };
	return { candidateId, tags: result.tags ?? [] };
}
