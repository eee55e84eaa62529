import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as archiveReason from './archiveReason';
import * as feedback from './feedback';
import * as interview from './interview';
import * as offer from './offer';
import * as opportunity from './opportunity';
import * as posting from './posting';
import * as source from './source';
import * as stage from './stage';
import * as tag from './tag';
import type { LeverOperation } from './types';
import * as user from './user';
import { failedItem } from '../../shared/failedItem';

const resources: Record<string, Record<string, LeverOperation>> = {
	archiveReason: archiveReason.operations,
	feedback: feedback.operations,
	interview: interview.operations,
	offer: offer.operations,
	opportunity: opportunity.operations,
	posting: posting.operations,
	source: source.operations,
	stage: stage.operations,
	tag: tag.operations,
	user: user.operations,
};

/**
 * Runs the chosen operation once per input item. Every output item is paired with its input item; with
 * "continue on fail" a failed item becomes an `error` item and the others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler.execute.call(this, itemIndex);
			returnData.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } }));
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), caught as Error, { itemIndex });
			error.context.itemIndex ??= itemIndex;
			if (this.continueOnFail()) {
				returnData.push(failedItem.call(this, error, itemIndex));
				continue;
			}
			throw error;
		}
	}
	return [returnData];
}
