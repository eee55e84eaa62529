/**
 * What every route module shares: the live state, the simulator clock, error bodies, cursors and the wire
 * presenters that turn records into the vendor's JSON shapes (one place per shape).
 */
import { randomUUID } from 'node:crypto';

import type { Request, Response } from 'express';

import type {
	SmartRecruitersState,
	SrApplication,
	SrCandidate,
	SrHiringProcess,
	SrJob,
	SrOffer,
	SrUser,
} from './types';

export interface SimContext {
	state: SmartRecruitersState;
	baseUrl(): string;
	/** Simulator clock in ms (real time plus `advanceTime` offsets). */
	now(): number;
	nowIso(): string;
	/** User the credential acts as (`/users/me`, note authors). */
	actingUserId: string;
	/** A change the real API would announce by webhook (delivered only when `autoEvents` is on). */
	emit(eventName: string, payload: Record<string, unknown>): void;
}

export const newId = (): string => randomUUID();

/** SmartRecruiters' standard error body: `ErrorResponse = {message?, errors: [{code, message?}]}`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
	res.status(status).json({ message, errors: [{ code, message }] });
}

export function action(
	ctx: SimContext,
	path: string,
	method = 'GET',
): { url: string; method: string } {
	return { url: `${ctx.baseUrl()}${path}`, method };
}

/** Opaque page cursor bound to the query it was issued for, so a cursor reused with other filters is rejected. */
export function encodeCursor(offset: number, scope: string): string {
	return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

export function decodeCursor(pageId: string, scope: string): number | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(pageId, 'base64url').toString('utf8')) as {
			o?: unknown;
			s?: unknown;
		};
		if (
			typeof parsed.o !== 'number' ||
			!Number.isInteger(parsed.o) ||
			parsed.o < 0 ||
			parsed.s !== scope
		)
			return undefined;
		return parsed.o;
	} catch {
		return undefined;
	}
}

/** `Link: <url>; rel="next"` with the given query parameter replaced (RFC 8288, as the real API sends it). */
export function setNextLink(
	ctx: SimContext,
	req: Request,
	res: Response,
	parameter: string,
	value: string,
): void {
	const url = new URL(`${ctx.baseUrl()}${req.baseUrl}${req.path}`);
	for (const [name, raw] of Object.entries(req.query)) {
		if (name === parameter) continue;
		for (const item of Array.isArray(raw) ? raw : [raw])
			url.searchParams.append(name, String(item));
	}
	url.searchParams.set(parameter, value);
	res.setHeader('Link', `<${url.toString()}>; rel="next"`);
}

export function queryList(value: unknown): string[] {
	if (value === undefined) return [];
	return (Array.isArray(value) ? value : [value]).map(String);
}

export function queryString(value: unknown): string | undefined {
	if (value === undefined) return undefined;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

export function queryInt(value: unknown, fallback: number): number {
	const text = queryString(value);
	return text === undefined ? fallback : Number.parseInt(text, 10);
}

export function findJob(ctx: SimContext, id: string): SrJob | undefined {
	return ctx.state.jobs.find((job) => job.id === id);
}

export function findCandidate(ctx: SimContext, id: string): SrCandidate | undefined {
	return ctx.state.candidates.find((candidate) => candidate.id === id);
}

/** `application.*` webhook payload of an application. */
export function applicationPayload(application: SrApplication): Record<string, unknown> {
	return {
		job_id: application.jobId,
		candidate_id: application.candidateId,
		application_id: application.id,
	};
}

export function findApplication(
	ctx: SimContext,
	candidateId: string,
	jobId: string,
): SrApplication | undefined {
	return ctx.state.applications.find(
		(application) => application.candidateId === candidateId && application.jobId === jobId,
	);
}

export function applicationsOf(ctx: SimContext, candidateId: string): SrApplication[] {
	return ctx.state.applications.filter((application) => application.candidateId === candidateId);
}

export function hiringProcessOf(ctx: SimContext, job: SrJob): SrHiringProcess | undefined {
	return ctx.state.config.hiringProcesses.find((process) => process.id === job.hiringProcessId);
}

export function sourceLabel(ctx: SimContext, application: SrApplication): string {
	return (
		ctx.state.config.sourceValues.find((value) => value.id === application.source.sourceId)
			?.label ?? 'API'
	);
}

/** `Assignment` fields of an application (status, sub-status, source, reasons). */
function assignment(ctx: SimContext, application: SrApplication) {
	const { sourceTypeId, sourceId } = application.source;
	return {
		status: application.status,
		...(application.subStatus ? { subStatus: application.subStatus } : {}),
		...(application.startsOn ? { startsOn: application.startsOn } : {}),
		source: sourceLabel(ctx, application),
		...(application.reasonOfRejection ? { reasonOfRejection: application.reasonOfRejection } : {}),
		...(application.reasonOfWithdrawal
			? { reasonOfWithdrawal: application.reasonOfWithdrawal }
			: {}),
		actions: {
			sourceDetails: action(ctx, `/configuration/sources/${sourceTypeId}/values/${sourceId}`),
		},
	};
}

function jobReference(ctx: SimContext, jobId: string) {
	const job = findJob(ctx, jobId);
	return {
		id: jobId,
		...(job ? { title: job.title } : {}),
		actions: { details: action(ctx, `/jobs/${jobId}`) },
	};
}

export function presentCandidateDetails(ctx: SimContext, candidate: SrCandidate) {
	const [primary, ...secondary] = applicationsOf(ctx, candidate.id);
	return {
		id: candidate.id,
		internal: candidate.internal,
		firstName: candidate.firstName,
		lastName: candidate.lastName,
		email: candidate.email,
		...(candidate.phoneNumber ? { phoneNumber: candidate.phoneNumber } : {}),
		...(candidate.location ? { location: candidate.location } : {}),
		web: candidate.web ?? {},
		tags: candidate.tags,
		createdOn: candidate.createdOn,
		updatedOn: candidate.updatedOn,
		education: candidate.education,
		experience: candidate.experience,
		...(primary
			? {
					primaryAssignment: { job: jobReference(ctx, primary.jobId), ...assignment(ctx, primary) },
				}
			: {}),
		secondaryAssignments: secondary.map((application) => ({
			job: jobReference(ctx, application.jobId),
			...assignment(ctx, application),
		})),
		actions: {
			properties: action(ctx, `/candidates/${candidate.id}/properties`),
			attachments: action(ctx, `/candidates/${candidate.id}/attachments`),
			consent: action(ctx, `/candidates/${candidate.id}/consent`),
			consents: action(ctx, `/candidates/${candidate.id}/consents`),
		},
	};
}

/** Search-result item (`Candidate` in the spec). */
export function presentCandidateSummary(ctx: SimContext, candidate: SrCandidate) {
	const [primary, ...secondary] = applicationsOf(ctx, candidate.id);
	return {
		id: candidate.id,
		internal: candidate.internal,
		firstName: candidate.firstName,
		lastName: candidate.lastName,
		email: candidate.email,
		createdOn: candidate.createdOn,
		updatedOn: candidate.updatedOn,
		...(candidate.location ? { location: candidate.location } : {}),
		tags: candidate.tags,
		consent: { status: candidate.consentStatus },
		...(primary
			? {
					primaryAssignment: {
						job: {
							id: primary.jobId,
							title: findJob(ctx, primary.jobId)?.title ?? '',
							actions: { details: action(ctx, `/jobs/${primary.jobId}`) },
						},
						status: primary.status,
						...(primary.subStatus ? { subStatus: primary.subStatus } : {}),
					},
				}
			: {}),
		secondaryAssignments: secondary.map((application) => ({
			job: {
				id: application.jobId,
				actions: { details: action(ctx, `/jobs/${application.jobId}`) },
			},
		})),
		actions: {
			details: action(ctx, `/candidates/${candidate.id}`),
			properties: action(ctx, `/candidates/${candidate.id}/properties`),
		},
	};
}

export function presentApplication(ctx: SimContext, application: SrApplication) {
	return {
		applicationId: application.id,
		candidateId: application.candidateId,
		jobId: application.jobId,
		...assignment(ctx, application),
		url: `${ctx.baseUrl()}/candidates/${application.candidateId}/jobs/${application.jobId}`,
	};
}

function jobCore(ctx: SimContext, job: SrJob) {
	return {
		id: job.id,
		title: job.title,
		refNumber: job.refNumber,
		createdOn: job.createdOn,
		updatedOn: job.updatedOn,
		lastActivityOn: job.lastActivityOn,
		...(job.department ? { department: job.department } : {}),
		location: job.location,
		status: job.status,
		postingStatus: job.postingStatus,
	};
}

export function presentJobSummary(ctx: SimContext, job: SrJob) {
	return {
		...jobCore(ctx, job),
		language: job.language,
		actions: { details: action(ctx, `/jobs/${job.id}`) },
	};
}

export function presentJobDetails(ctx: SimContext, job: SrJob) {
	const creator = ctx.state.users.find((user) => user.id === job.creatorId);
	return {
		...jobCore(ctx, job),
		...(job.targetHiringDate ? { targetHiringDate: job.targetHiringDate } : {}),
		industry: job.industry,
		function: job.function,
		typeOfEmployment: job.typeOfEmployment,
		experienceLevel: job.experienceLevel,
		...(job.eeoCategory ? { eeoCategory: job.eeoCategory } : {}),
		template: false,
		...(creator
			? { creator: { id: creator.id, firstName: creator.firstName, lastName: creator.lastName } }
			: {}),
		...(job.compensation ? { compensation: job.compensation } : {}),
		jobAd: {
			sections: { jobDescription: { text: job.jobAdText }, ...job.jobAdSections },
			language: job.language,
		},
		properties: job.properties,
		actions: {
			hiringTeam: action(ctx, `/jobs/${job.id}/hiring-team`),
			publications: action(ctx, `/jobs/${job.id}/publication`),
			positions: action(ctx, `/jobs/${job.id}/positions`),
			details: action(ctx, `/jobs/${job.id}`),
		},
	};
}

export function findUser(ctx: SimContext, id: string): SrUser | undefined {
	return ctx.state.users.find((user) => user.id === id);
}

export function presentOffer(ctx: SimContext, offer: SrOffer) {
	return {
		id: offer.id,
		status: offer.status,
		createdOn: offer.createdOn,
		updatedOn: offer.updatedOn,
		properties: offer.properties,
		actions: {
			candidate: action(ctx, `/candidates/${offer.candidateId}`),
			job: action(ctx, `/jobs/${offer.jobId}`),
			details: action(
				ctx,
				`/candidates/${offer.candidateId}/jobs/${offer.jobId}/offers/${offer.id}`,
			),
		},
	};
}

export function presentUser(user: SrUser) {
	return {
		id: user.id,
		email: user.email,
		firstName: user.firstName,
		lastName: user.lastName,
		role: user.role,
		systemRole: user.systemRole,
		language: user.language,
		active: user.active,
		updatedOn: user.updatedOn,
	};
}
