import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { AtsOperation } from '../../../shared/router';
import { leverApiRequest } from '../../transport';
import { recordParams, recordProperties } from '../recordOperation';
import { USER } from '../records';

/** `POST /users/:id/deactivate` or `/reactivate`; doing either twice changes nothing, so it is safe to repeat. */
export function activationOperation(change: 'deactivate' | 'reactivate'): AtsOperation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['user'], operation: [change] } },
			recordProperties(USER),
		),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const params = recordParams.call(this, USER, itemIndex);
			return (
				await leverApiRequest.call(this, 'POST', `${USER.route}/${change}`, {
					params,
					idempotent: true,
					itemIndex,
				})
			).data as IDataObject;
		},
	};
}
