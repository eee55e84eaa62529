import type { IDataObject } from 'n8n-workflow';

import { normalizeEmail } from '../../shared/candidate';
import type { ApiContext } from '../../shared/transport/request';
import { smartRecruitersApiRequest, smartRecruitersApiRequestAllItems } from '../transport';
import type { CandidateDetails } from './candidate';
import { exactEmailMatches } from './candidate';

/**
 * Candidates whose email is exactly `email`, case-insensitive. The email is sent quoted, otherwise SmartRecruiters
 * splits it into terms at `@` and `.`; the search is still fuzzy, hence the exact match here.
 * ⚠ The search only returns candidates with at least one application; whether a talent-pool entry counts is not
 * documented, so a talent-pool-only duplicate may stay invisible to this lookup.
 */
export async function findCandidatesByEmail(this: ApiContext, email: string, itemIndex?: number): Promise<IDataObject[]> {
	const results = await smartRecruitersApiRequestAllItems.call(this, '/candidates', { qs: { q: `"${normalizeEmail(email)}"` }, itemIndex });
	return exactEmailMatches(results, email);
}

export async function getCandidate(this: ApiContext, candidateId: string, itemIndex?: number): Promise<CandidateDetails> {
	return (await smartRecruitersApiRequest.call(this, 'GET', '/candidates/{candidateId}', { params: { candidateId }, itemIndex })) as CandidateDetails;
}

export async function getApplication(this: ApiContext, candidateId: string, jobId: string, itemIndex?: number) {
	return await smartRecruitersApiRequest.call(this, 'GET', '/candidates/{candidateId}/jobs/{jobId}', { params: { candidateId, jobId }, itemIndex });
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
export async function allowedSubStatuses(this: ApiContext, jobId: string, status: string, itemIndex?: number) {
	const [job, processes] = await Promise.all([
		smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', { params: { jobId }, itemIndex }),
		getHiringProcesses.call(this),
	]);
	const processId = (job.hiringProcess as IDataObject | undefined)?.id ?? job.hiringProcessId;
	const relevant = processes.filter((hiringProcess) => (processId ? hiringProcess.id === processId : hiringProcess.active !== false));
	return [...new Set(relevant.flatMap((hiringProcess) => hiringProcess.subStatuses?.[status] ?? []))];
}

/** A configuration list (`{content}`), e.g. rejection reasons or candidate properties. */
export async function listConfiguration(this: ApiContext, route: string, params?: Record<string, string>): Promise<IDataObject[]> {
	const response = await smartRecruitersApiRequest.call(this, 'GET', route, { params });
	return (response.content as IDataObject[] | undefined) ?? [];
}
