import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { singlePage } from '../../../shared/transport/pagination';
import { createOnce } from '../../../shared/upsert';
import { smartRecruitersApiRequest, smartRecruitersApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'departmentName',
		type: 'string',
		default: '',
		required: true,
		description: 'Unique in the company',
	},
	{ displayName: 'Description', name: 'departmentDescription', type: 'string', default: '' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['configuration'], operation: ['createDepartment'] } },
	properties,
);

/** Names are unique (DEPARTMENT_LABEL_NOT_UNIQUE); after a lost response, a department of this name is the one created. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const label = requiredLocatorValue.call(this, 'departmentName', 'Name', itemIndex);
	const departmentDescription = String(
		this.getNodeParameter('departmentDescription', itemIndex, ''),
	).trim();
	const body: IDataObject = {
		label,
		...(departmentDescription ? { description: departmentDescription } : {}),
	};
	return await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', '/configuration/departments', {
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () =>
			(
				await smartRecruitersApiRequestAllItems.call(this, '/configuration/departments', {
					pages: singlePage,
					itemIndex,
				})
			).find((department) => department.label === label),
	);
}
