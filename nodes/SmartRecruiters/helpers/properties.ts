import type { IDataObject } from 'n8n-workflow';

/**
 * A candidate property's value as a person reads it: a single select's label (SmartRecruiters stores the value's
 * id), everything else as stored (a currency stays `{code, value}`, a date an ISO date-time).
 */
export function readableValue(property: IDataObject): unknown {
	if (property.type === 'SINGLE_SELECT' && typeof property.valueLabel === 'string')
		return property.valueLabel;
	return property.value;
}
