import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, locatorValue, stringList } from '../common';

const MAX_TAGS = 100;
const MAX_TAG_LENGTH = 50;

export const description: INodeProperties[] = forOperation('candidate', 'updateTags', [
	candidateLocator(),
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
		description: 'Comma-separated tags (at most 100, each at most 50 characters)',
	},
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const id = locatorValue.call(this, 'candidateId', i);
		const mode = this.getNodeParameter('mode', i) as 'add' | 'remove' | 'replace';
		const tags = stringList(this.getNodeParameter('tags', i, ''));
		const tooLong = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
		if (tooLong) throw new NodeOperationError(this.getNode(), `"Tags": "${tooLong}" is longer than ${MAX_TAG_LENGTH} characters`, { itemIndex: i });
		if (tags.length > MAX_TAGS) throw new NodeOperationError(this.getNode(), `"Tags" has ${tags.length} tags; SmartRecruiters allows ${MAX_TAGS}`, { itemIndex: i });
		if (tags.length === 0 && mode !== 'replace') throw new NodeOperationError(this.getNode(), '"Tags" is empty', { itemIndex: i });

		if (mode === 'add') {
			await apiRequest.call(this, 'POST', '/candidates/{id}/tags', { params: { id }, body: { tags }, itemIndex: i });
		} else {
			let remaining = tags;
			if (mode === 'remove') {
				// SmartRecruiters can only replace or delete all tags: read, filter, write back.
				const current = ((await apiRequest.call(this, 'GET', '/candidates/{id}/tags', { params: { id }, itemIndex: i })) as { tags?: string[] });
				const removed = new Set(tags.map((tag) => tag.toLowerCase()));
				remaining = (current.tags ?? []).filter((tag) => !removed.has(tag.toLowerCase()));
			}
			if (remaining.length === 0) await apiRequest.call(this, 'DELETE', '/candidates/{id}/tags', { params: { id }, itemIndex: i });
			else await apiRequest.call(this, 'PUT', '/candidates/{id}/tags', { params: { id }, body: { tags: remaining }, itemIndex: i });
		}
		const result = ((await apiRequest.call(this, 'GET', '/candidates/{id}/tags', { params: { id }, itemIndex: i })) as { tags?: string[] });
		return { candidateId: id, tags: result.tags ?? [] };
	});
}
