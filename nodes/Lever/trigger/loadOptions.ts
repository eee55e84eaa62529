import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { searchStages } from '../methods/listSearch';
import { leverApiRequestAllItems } from '../transport';

/**
 * Stages for the stage-change filters, in Lever's pipeline order. The Lever node's stage search already lists them
 * all; a multi-select needs plain options, so this only reshapes its results.
 */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchStages.call(this);
	return results.map(({ name, value }) => ({ name, value: String(value) }));
}

/**
 * Every posting, in any state and confidentiality, so a filter can name a closed or confidential one. (The Lever
 * node's posting search returns one page per call, which suits a resource locator but not a multi-select.)
 */
export async function getPostings(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const postings = await leverApiRequestAllItems.call(this, '/postings', {
		qs: { confidentiality: 'all' },
	});
	return postings
		.map((posting) => {
			const location = (posting.categories as { location?: string } | undefined)?.location;
			return {
				name: `${String(posting.text)} (${String(posting.state)}${location ? `, ${location}` : ''})`,
				value: String(posting.id),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
