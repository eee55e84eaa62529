import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { normalizeEmail } from '../../shared/candidate';
import type { ApiContext } from '../../shared/transport/request';
import { asNodeError } from '../../shared/errors';
import {
	hasErrorCode,
	smartRecruitersApiRequest,
	smartRecruitersApiRequestAllItems,
} from '../transport';
import type { CandidateDetails } from './candidate';
import { exactEmailMatches } from './candidate';

/**
 * Candidates whose email is exactly `email`, case-insensitive. The email is sent quoted, otherwise SmartRecruiters
 * splits it into terms at `@` and `.`; the search is still fuzzy, hence the exact match here.
 * ⚠ The search only returns candidates with at least one application; whether a talent-pool entry counts is not
 * documented, so a talent-pool-only duplicate may stay invisible to this lookup.
 */
export async function findCandidatesByEmail(
	this: ApiContext,
	email: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const results = await smartRecruitersApiRequestAllItems.call(this, '/candidates', {
		qs: { q: `"${normalizeEmail(email)}"` },
		itemIndex,
	});
	return exactEmailMatches(results, email);
}

export async function getCandidate(
	this: ApiContext,
	candidateId: string,
	itemIndex?: number,
): Promise<CandidateDetails> {
	return (await smartRecruitersApiRequest.call(this, 'GET', '/candidates/{candidateId}', {
		params: { candidateId },
		itemIndex,
	})) as CandidateDetails;
}

export async function getApplication(
	this: ApiContext,
	candidateId: string,
	jobId: string,
	itemIndex?: number,
) {
	return await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}',
		{ params: { candidateId, jobId }, itemIndex },
	);
}

/** Codes of a company whose Onboarding Status field is off: not a record that is missing, a setting to change. */
const ONBOARDING_STATUS_OFF = ['ONBOARDING_STATUS_NOT_ACTIVE', 'CANDIDATE_FIELDS_FEATURE_MISSING'];

/** SmartRecruiters' 404 for a company without Onboarding Status, said as what it is (not "could not find"), else undefined. */
function onboardingStatusOff(error: unknown): NodeApiError | undefined {
	if (
		!(error instanceof NodeApiError) ||
		!ONBOARDING_STATUS_OFF.some((code) => hasErrorCode(error, code))
	)
		return undefined;
	error.message = error.message.replace(
		/^SmartRecruiters could not find it/,
		'Onboarding Status is not active in this SmartRecruiters company',
	);
	error.description =
		"An administrator activates the Onboarding Status candidate field in SmartRecruiters' settings; until then this step cannot work.";
	return error;
}

/** Reads (`body` undefined) or sets the onboarding status of a job application (a hire); returns it with whom it is about. */
export async function onboardingStatus(
	this: ApiContext,
	candidateId: string,
	jobId: string,
	itemIndex?: number,
	body?: IDataObject,
): Promise<IDataObject> {
	const route = '/candidates/{candidateId}/jobs/{jobId}/onboardingStatus';
	const params = { candidateId, jobId };
	try {
		if (body) await smartRecruitersApiRequest.call(this, 'PUT', route, { params, body, itemIndex });
		return {
			candidateId,
			jobId,
			...(await smartRecruitersApiRequest.call(this, 'GET', route, { params, itemIndex })),
		};
	} catch (error) {
		throw onboardingStatusOff(error) ?? asNodeError(this.getNode(), error, itemIndex);
	}
}

/** `OfferDocumentsList` of an offer: `documents`, `isCurrentlySyncing` and the e-signature `provider`. */
export async function getOfferDocuments(
	this: ApiContext,
	offerId: string,
	itemIndex?: number,
): Promise<IDataObject & { documents: IDataObject[] }> {
	const response = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/offers/{offerId}/documents',
		{ params: { offerId }, itemIndex },
	);
	return { ...response, documents: (response.documents as IDataObject[] | undefined) ?? [] };
}

export interface HiringProcess extends IDataObject {
	id: string;
	name?: string;
	active?: boolean;
	subStatuses?: Record<string, string[]>;
}

export async function getHiringProcesses(this: ApiContext): Promise<HiringProcess[]> {
	return (await listConfiguration.call(this, '/configuration/hiring-processes')) as HiringProcess[];
}

/**
 * The sub-statuses a job accepts for `status`. ⚠ The documented JobDetails does not name the job's hiring process:
 * when the job carries a hiring-process id it is used, otherwise the sub-statuses of all active processes are allowed.
 */
export async function allowedSubStatuses(
	this: ApiContext,
	jobId: string,
	status: string,
	itemIndex?: number,
) {
	const [job, processes] = await Promise.all([
		smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', { params: { jobId }, itemIndex }),
		getHiringProcesses.call(this),
	]);
	const processId = (job.hiringProcess as IDataObject | undefined)?.id ?? job.hiringProcessId;
	const relevant = processes.filter((hiringProcess) =>
		processId ? hiringProcess.id === processId : hiringProcess.active !== false,
	);
	return [
		...new Set(relevant.flatMap((hiringProcess) => hiringProcess.subStatuses?.[status] ?? [])),
	];
}

/** A configuration list (`{content}`), e.g. rejection reasons or candidate properties. */
export async function listConfiguration(
	this: ApiContext,
	route: string,
	params?: Record<string, string>,
): Promise<IDataObject[]> {
	const response = await smartRecruitersApiRequest.call(this, 'GET', route, { params });
	return (response.content as IDataObject[] | undefined) ?? [];
}
