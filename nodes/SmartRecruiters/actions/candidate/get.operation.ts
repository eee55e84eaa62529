import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { getCandidate } from '../../helpers/lookups';
import { candidateRLC } from '../common.descriptions';

const properties: INodeProperties[] = [candidateRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await getCandidate.call(
		this,
		requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex),
		itemIndex,
	);
}
