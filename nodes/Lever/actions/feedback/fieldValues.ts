import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldValueEntries } from '../../helpers/forms';

export { fieldValuesProperty } from '../../helpers/forms';

/** The "Field Values" of a scorecard: score fields are numbers in Lever, everything else goes as typed. */
export function fieldValuesOf(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	return fieldValueEntries.call(this, itemIndex).map((entry) => ({
		id: entry.id,
		value:
			typeof entry.value === 'string' && /^\d+$/.test(entry.value.trim())
				? Number(entry.value.trim())
				: (entry.value as IDataObject[string]),
	}));
}
