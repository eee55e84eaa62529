import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredList, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';
import type { AtsOperation } from '../../../shared/router';

type ListKind = 'tags' | 'sources' | 'links';

const LIST_FIELDS: Record<ListKind, INodeProperties> = {
	tags: {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		required: true,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Adding a name that does not exist yet creates the tag',
	},
	sources: {
		displayName: 'Source Names or IDs',
		name: 'sources',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSources' },
		required: true,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Adding a name that does not exist yet creates the source',
	},
	links: {
		displayName: 'Links',
		name: 'links',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://www.linkedin.com/in/…',
		description:
			"URLs, comma-separated or one per line. Lever keeps links on the person: they show on all of the person's opportunities.",
	},
};

/** Add or remove tags, sources or links: Lever's `POST /opportunities/:id/{add,remove}{Tags,Sources,Links}`, which return the opportunity. */
export function listChangeOperation(
	kind: ListKind,
	change: 'add' | 'remove',
	operation: string,
): AtsOperation {
	const endpoint = `${change}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
	const field = LIST_FIELDS[kind];
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['opportunity'], operation: [operation] } },
			[opportunityRLC, field, performAsRLC],
		),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
			const entries = requiredList.call(this, field.name, field.displayName, itemIndex);
			const response = await leverApiRequest.call(
				this,
				'POST',
				`/opportunities/${encodeURIComponent(id)}/${endpoint}`,
				{
					body: { [kind]: entries },
					performAs: locatorValue.call(this, 'performAs', itemIndex),
					// Adding what is there or removing what is not changes nothing: safe to repeat after a 5xx.
					idempotent: true,
					itemIndex,
				},
			);
			return response.data as IDataObject;
		},
	};
}
