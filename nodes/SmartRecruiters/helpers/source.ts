import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** `sourceDetails` from the Source fields (see sourceFields), or undefined when no source was chosen. */
export function readSourceDetails(
	this: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const text = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const sourceTypeId = text('sourceTypeId');
	const sourceId = text('sourceId');
	const sourceSubTypeId = text('sourceSubTypeId');
	if (!sourceTypeId && !sourceId) return undefined;
	if (!sourceTypeId || !sourceId) {
		throw new NodeOperationError(
			this.getNode(),
			`"${sourceTypeId ? 'Source' : 'Source Type'}" is empty: a source needs both a type and a source value`,
			{
				itemIndex,
			},
		);
	}
	return { sourceTypeId, sourceId, ...(sourceSubTypeId ? { sourceSubTypeId } : {}) };
}
