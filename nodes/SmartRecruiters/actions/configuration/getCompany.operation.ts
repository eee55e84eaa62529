import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['configuration'], operation: ['getCompany'] } },
	properties,
);

/** The company's name, identifier (as in career-site URLs), location, website, industry and logo. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await smartRecruitersApiRequest.call(this, 'GET', '/configuration/company', { itemIndex });
}
