import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

const properties: INodeProperties[] = [candidateRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getConsent'] } },
	properties,
);

/**
 * The candidate's consent (GDPR): the latest status (REQUIRED, PENDING, ACQUIRED) and, where the company asks for
 * consent per scope (SmartRecruit, SmartCRM …), each decision and when the newest open request was sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const params = { candidateId };
	const consent = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/consent',
		{ params, itemIndex },
	);
	const decisions = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/consents',
		{ params, itemIndex },
	);
	return { candidateId, ...consent, ...decisions };
}
