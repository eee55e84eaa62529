import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { getCandidate } from '../../helpers/lookups';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

/** Slack between n8n's clock and SmartRecruiters' when looking for a request this run may already have sent. */
const CLOCK_SKEW_MS = 60_000;

const properties: INodeProperties[] = [candidateRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['requestConsent'] } },
	properties,
);

/**
 * Asks the candidate by email for consent to keep their data (GDPR). SmartRecruiters takes a batch and answers per
 * candidate: 202 (scheduled) or 403 (the company has no privacy policy). A second request sends a second email,
 * so after a lost response the candidate's newest open request tells whether the first one landed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	const response = await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', '/candidates/consent-requests', {
				body: { content: [{ id: candidateId }] },
				itemIndex,
				confirmNotApplied,
			}),
		async () => {
			const decisions = await smartRecruitersApiRequest.call(
				this,
				'GET',
				'/candidates/{candidateId}/consents',
				{ params: { candidateId }, itemIndex },
			);
			const pendingSince = Date.parse(String(decisions.recentPendingRequestCreatedOn ?? ''));
			return pendingSince >= sentAfter
				? ({ results: [{ status: 202, body: {} }] } as IDataObject)
				: undefined;
		},
	);
	const [result] = (response.results as IDataObject[] | undefined) ?? [];
	if (result?.status !== 202) {
		// SmartRecruiters answers an unknown candidate like one it cannot ask: reading the candidate tells which.
		await getCandidate.call(this, candidateId, itemIndex);
		throw new NodeOperationError(
			this.getNode(),
			'SmartRecruiters cannot request consent from this candidate: the company has no privacy policy configured',
			{
				itemIndex,
				description:
					'Add a privacy policy in SmartRecruiters (Settings → Privacy), then request consent again.',
			},
		);
	}
	const location = (result.body as IDataObject | undefined)?.location;
	return { candidateId, requested: true, ...(location ? { location } : {}) };
}
