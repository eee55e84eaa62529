import type { IDataObject } from 'n8n-workflow';

import type { RecordApi } from '../../shared/recordOperations';
import { recordOperations } from '../../shared/recordOperations';
import { smartRecruitersApiDownload, smartRecruitersApiRequest } from '../transport';

export type { RecordSpec } from '../../shared/recordOperations';

/** SmartRecruiters' side of the shared record operations: records as the API answers them, files at the record's route. */
const SMARTRECRUITERS: RecordApi = {
	async get(route, params, itemIndex) {
		return (await smartRecruitersApiRequest.call(this, 'GET', route, {
			params,
			itemIndex,
		})) as IDataObject;
	},
	async delete(route, params, itemIndex) {
		await smartRecruitersApiRequest.call(this, 'DELETE', route, { params, itemIndex });
	},
	async download(route, params, qs, itemIndex) {
		return await smartRecruitersApiDownload.call(this, route, { params, qs, itemIndex });
	},
};

export const { getOperation, deleteOperation, downloadOperation } =
	recordOperations(SMARTRECRUITERS);
