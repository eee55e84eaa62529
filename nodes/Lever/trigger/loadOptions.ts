import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { leverApiRequestAllItems } from '../transport';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Stages for the stage-change filters; built-in stages have fixed string ids such as "lead-new". */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const stages = await leverApiRequestAllItems.call(this, '/stages');
	return stages.map((stage) => ({ name: String(stage.text), value: String(stage.id) })).sort(byName);
}

/** Postings in every state, so a filter can name a closed or internal posting too. */
export async function getPostings(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const postings = await leverApiRequestAllItems.call(this, '/postings', { confidentiality: 'all' });
	return postings
		.map((posting) => {
			const location = (posting.categories as { location?: string } | undefined)?.location;
			const state = typeof posting.state === 'string' ? posting.state : '';
			return {
				name: location ? `${String(posting.text)} (${location})` : String(posting.text),
				value: String(posting.id),
				description: state,
			};
		})
		.sort(byName);
}
