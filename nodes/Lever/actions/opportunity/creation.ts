import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CandidateProfile } from '../../../shared/candidate';
import type { CreationSettings, LeverOpportunity } from '../../helpers/profile';
import { createOpportunityBody, profileEmails } from '../../helpers/profile';
import { binaryFile, locatorValue } from '../../../shared/parameters';
import { appendMultipart } from '../../helpers/utils';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';

/** Opportunities of `email`, optionally on one posting. Lever's email filter is canonicalized and exact. */
export async function findOpportunitiesByEmail(
	this: IExecuteFunctions,
	email: string,
	posting: string | undefined,
	qs: IDataObject = {},
): Promise<LeverOpportunity[]> {
	return (await leverApiRequestAllItems.call(this, '/opportunities', {
		qs: { ...qs, email, ...(posting ? { posting_id: posting } : {}) },
	})) as LeverOpportunity[];
}

export function creationSettings(this: IExecuteFunctions, itemIndex: number): CreationSettings {
	return {
		posting: locatorValue.call(this, 'posting', itemIndex) || undefined,
		stage: locatorValue.call(this, 'stage', itemIndex) || undefined,
		owner: locatorValue.call(this, 'owner', itemIndex) || undefined,
		origin: (this.getNodeParameter('origin', itemIndex, '') as string) || undefined,
	};
}

/**
 * `POST /opportunities`. Lever has no idempotency key and creates a new opportunity on every POST, so after a 5xx
 * or a lost connection it is only sent again when a lookup shows that no opportunity for this email (and posting)
 * appeared since the first attempt started.
 */
export async function createOpportunity(
	this: IExecuteFunctions,
	profile: CandidateProfile,
	settings: CreationSettings,
	performAs: string,
	itemIndex: number,
	resumeProperty?: string,
): Promise<LeverOpportunity> {
	const json = createOpportunityBody(profile, settings);
	let body: IDataObject | FormData = json;
	if (resumeProperty) {
		const { blob, fileName } = await binaryFile.call(this, resumeProperty, itemIndex);
		const form = new FormData();
		appendMultipart(form, json);
		form.append('resumeFile', blob, fileName);
		body = form;
	}
	const startedAt = Date.now();
	const [email] = profileEmails(profile);
	const confirmNotApplied = email
		? async () => {
				// A minute of slack for clock skew between n8n and Lever: a miss here only means "do not retry".
				const since = await findOpportunitiesByEmail.call(this, email, settings.posting, {
					created_at_start: startedAt - 60_000,
				});
				return since.length === 0;
			}
		: undefined;
	const response = await leverApiRequest.call(this, 'POST', '/opportunities', {
		body,
		performAs,
		idempotent: false,
		confirmNotApplied,
		itemIndex,
	});
	return response.data as LeverOpportunity;
}
