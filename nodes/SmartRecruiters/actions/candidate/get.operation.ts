import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getCandidate } from '../../helpers/lookups';
import { candidateLocator, eachItem, forOperation, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'get', [candidateLocator()]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => await getCandidate.call(this, locatorValue.call(this, 'candidateId', i), i));
}
