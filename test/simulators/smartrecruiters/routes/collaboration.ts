/**
 * Messages (notes, root base path), Reviews (`/reviews-api/v201910`), Interviews (`/interviews-api/v201904`) and
 * Users (`/user-api/v201804`). Each function returns a router to mount at that API's base path.
 */
import express, { type Request, type Response, type Router } from 'express';

import {
	applicationsOf,
	decodeCursor,
	encodeCursor,
	findApplication,
	findCandidate,
	findJob,
	findUser,
	newId,
	presentApplication,
	presentUser,
	queryInt,
	queryString,
	sendError,
	setNextLink,
	type SimContext,
} from '../context';
import type { SrInterview, SrNote, SrReview } from '../types';

const MAX_RECIPIENTS = 100;

export function messageRoutes(ctx: SimContext): Router {
	const router = express.Router();

	router.post('/messages/shares', (req, res) => {
		const body = req.body as {
			content: string;
			correlationId?: string;
			shareWith?: Partial<SrNote['shareWith']>;
		};
		const shareWith = {
			users: body.shareWith?.users ?? [],
			hiringTeamOf: body.shareWith?.hiringTeamOf ?? [],
			everyone: body.shareWith?.everyone ?? false,
			openNote: body.shareWith?.openNote ?? false,
		};
		if (shareWith.openNote && shareWith.everyone) {
			return sendError(
				res,
				400,
				'INVALID_VISIBILITY_OPTIONS',
				'openNote and everyone cannot both be true',
			);
		}
		const candidateIds = [...body.content.matchAll(/#\[CANDIDATE:([^\]]+)\]/g)].map(
			(match) => match[1],
		);
		const mentionedUserIds = [...body.content.matchAll(/@\[USER:([^\]]+)\]/g)].map(
			(match) => match[1],
		);
		const unknownCandidate = candidateIds.find((id) => !findCandidate(ctx, id));
		if (unknownCandidate)
			return sendError(
				res,
				400,
				'NO_ACCESS_TO_CANDIDATE',
				`No access to candidate ${unknownCandidate}`,
			);
		const userExists = (id: string) => ctx.state.users.some((user) => user.id === id);
		const unknownMention = mentionedUserIds.filter((id) => !userExists(id));
		if (unknownMention.length)
			return sendError(
				res,
				400,
				'MENTIONED_USERS_NOT_FOUND',
				`Mentioned users not found: ${unknownMention.join(', ')}`,
			);
		const unknownShare = shareWith.users.filter((id) => !userExists(id));
		if (unknownShare.length)
			return sendError(
				res,
				400,
				'SHARED_WITH_USERS_NOT_FOUND',
				`Users to share with not found: ${unknownShare.join(', ')}`,
			);
		const unknownJob = shareWith.hiringTeamOf.find((id) => !findJob(ctx, id));
		if (unknownJob) return sendError(res, 400, 'JOB_NOT_FOUND', `Job ${unknownJob} not found`);
		const recipients = new Set([
			...mentionedUserIds,
			...shareWith.users,
			...shareWith.hiringTeamOf.flatMap((jobId) =>
				(ctx.state.hiringTeams[jobId] ?? []).map((member) => member.userId),
			),
		]);
		if (recipients.size > MAX_RECIPIENTS)
			return sendError(res, 400, 'TOO_MANY_RECIPIENTS', `More than ${MAX_RECIPIENTS} recipients`);
		// ⚠ `shareRequired` is undocumented beyond its name: true when the note reaches nobody yet (no recipients,
		// not open, not shared with everyone).
		const shareRequired = recipients.size === 0 && !shareWith.everyone && !shareWith.openNote;
		const note: SrNote = {
			id: newId(),
			content: body.content,
			...(body.correlationId ? { correlationId: body.correlationId } : {}),
			authorId: (res.locals.userId as string | undefined) ?? ctx.actingUserId,
			createdOn: ctx.nowIso(),
			candidateIds,
			mentionedUserIds,
			shareWith,
			visibility: shareWith.everyone || shareWith.openNote ? 'PUBLIC' : 'INTERNAL',
			shareRequired,
		};
		ctx.state.notes.push(note);
		res.status(201).json({ id: note.id, shareRequired });
	});

	router.delete('/messages/shares/:id', (req, res) => {
		const before = ctx.state.notes.length;
		ctx.state.notes = ctx.state.notes.filter((note) => note.id !== req.params.id);
		if (ctx.state.notes.length === before)
			return sendError(res, 404, 'MESSAGE_NOT_FOUND', `Message ${req.params.id} not found`);
		res.status(204).end();
	});

	router.get('/messages', (req, res) => {
		const candidateId = queryString(req.query.candidateId) as string;
		const jobId = queryString(req.query.jobId);
		const limit = queryInt(req.query.limit, 10);
		const scope = `${candidateId}|${jobId ?? ''}`;
		const pageId = queryString(req.query.pageId);
		let offset = 0;
		if (pageId !== undefined) {
			const decoded = decodeCursor(pageId, scope);
			if (decoded === undefined)
				return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
			offset = decoded;
		}
		const applications = applicationsOf(ctx, candidateId).filter(
			(application) => !jobId || application.jobId === jobId,
		);
		const notes = ctx.state.notes
			.filter((note) => note.candidateIds.includes(candidateId))
			.filter(
				(note) =>
					!jobId ||
					note.shareWith.hiringTeamOf.includes(jobId) ||
					note.shareWith.openNote ||
					note.shareWith.everyone,
			)
			.sort((a, b) => b.createdOn.localeCompare(a.createdOn));
		const page = notes.slice(offset, offset + limit);
		if (offset + page.length < notes.length)
			setNextLink(ctx, req, res, 'pageId', encodeCursor(offset + page.length, scope));
		res.json(
			page.map((note) => ({
				content: note.content,
				createdOn: note.createdOn,
				visibility: note.visibility,
				authorId: note.authorId,
				context: {
					applications: applications.map((application) => presentApplication(ctx, application)),
				},
			})),
		);
	});

	return router;
}

export function reviewRoutes(ctx: SimContext): Router {
	const router = express.Router();
	router.get('/reviews', (req, res) => {
		const candidateId = queryString(req.query.candidateId);
		const jobId = queryString(req.query.jobId);
		if (!candidateId || !findCandidate(ctx, candidateId))
			return sendError(res, 404, 'CANDIDATE_NOT_FOUND', `Candidate ${candidateId} not found`);
		res.json(
			ctx.state.reviews.filter(
				(review) => review.candidateId === candidateId && review.jobId === jobId,
			),
		);
	});
	router.post('/reviews', (req, res) => {
		const body = req.body as {
			candidateId: string;
			jobId: string;
			overallRating: number;
			reviewerId?: string;
			comment?: string;
			createdOn?: string;
		};
		const failure = applicationFailure(ctx, body.candidateId, body.jobId);
		if (failure) return sendError(res, 422, failure.code, failure.message);
		const reviewerId =
			body.reviewerId ?? (res.locals.userId as string | undefined) ?? ctx.actingUserId;
		const reviewer = findUser(ctx, reviewerId);
		if (!reviewer)
			return sendError(res, 422, 'NON_EXISTING_REVIEWER', `Reviewer ${reviewerId} does not exist`);
		if (!reviewer.active)
			return sendError(
				res,
				422,
				'INACTIVE_OR_DELETED_REVIEWER',
				`Reviewer ${reviewerId} is inactive or deleted`,
			);
		const now = ctx.nowIso();
		const review: SrReview = {
			id: newId(),
			candidateId: body.candidateId,
			jobId: body.jobId,
			reviewerId,
			overallRating: body.overallRating,
			comment: body.comment ?? '',
			createdOn: body.createdOn ?? now,
			updatedOn: now,
		};
		ctx.state.reviews.push(review);
		const application = findApplication(ctx, body.candidateId, body.jobId)!;
		ctx.emit('review.created', { application_id: application.id, review_id: review.id });
		res.status(201).json(review);
	});
	router.get('/reviews/:reviewId', (req, res) => {
		const review = ctx.state.reviews.find((candidate) => candidate.id === req.params.reviewId);
		if (!review)
			return sendError(res, 404, 'REVIEW_NOT_FOUND', `Review ${req.params.reviewId} not found`);
		res.json(review);
	});
	return router;
}

/** Why a candidate × job pair is not an application, with the Interviews and Reviews APIs' 422 codes; undefined when it is one. */
function applicationFailure(
	ctx: SimContext,
	candidateId: string,
	jobId: string,
): { code: string; message: string } | undefined {
	if (!findCandidate(ctx, candidateId))
		return { code: 'CANDIDATE_NOT_FOUND', message: `Candidate ${candidateId} not found` };
	if (!findJob(ctx, jobId)) return { code: 'JOB_NOT_FOUND', message: `Job ${jobId} not found` };
	if (!findApplication(ctx, candidateId, jobId))
		return {
			code: 'APPLICATION_NOT_FOUND',
			message: `Candidate ${candidateId} has no application on job ${jobId}`,
		};
	return undefined;
}

function presentInterview(interview: SrInterview) {
	const { applicationId: _simulatorOnly, ...wire } = interview;
	return wire;
}

type Timeslot = SrInterview['timeslots'][number];

/** A TZ database name the runtime knows (the API answers INVALID_TIMEZONE otherwise). */
function isTimezone(name: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** Interviewers and dates of time slots, with the Interviews API's 422 codes; undefined when they are fine. */
function timeslotFailure(
	ctx: SimContext,
	slots: Array<Omit<Timeslot, 'id'>>,
): { code: string; message: string } | undefined {
	for (const slot of slots) {
		if (Date.parse(slot.endsOn) < Date.parse(slot.startsOn))
			return {
				code: 'END_DATE_BEFORE_START_DATE',
				message: `Time slot ends (${slot.endsOn}) before it starts (${slot.startsOn})`,
			};
		const missing = slot.interviewers
			.filter((interviewer) => !findUser(ctx, interviewer.id))
			.map((interviewer) => interviewer.id);
		if (missing.length)
			return {
				code: 'NON_EXISTING_INTERVIEWERS',
				message: `Interviewers do not exist: ${missing.join(', ')}`,
			};
		const inactive = slot.interviewers
			.filter((interviewer) => findUser(ctx, interviewer.id)?.active === false)
			.map((interviewer) => interviewer.id);
		if (inactive.length)
			return {
				code: 'INACTIVE_OR_DELETED_INTERVIEWERS',
				message: `Interviewers are inactive or deleted: ${inactive.join(', ')}`,
			};
	}
	return undefined;
}

export function interviewRoutes(ctx: SimContext): Router {
	const router = express.Router();
	const requireInterview = (req: Request, res: Response) => {
		const interview = ctx.state.interviews.find(
			(candidate) => candidate.id === req.params.interviewId,
		);
		if (!interview)
			sendError(res, 404, 'INTERVIEW_NOT_FOUND', `Interview ${req.params.interviewId} not found`);
		return interview;
	};
	const slotOf = (body: Omit<Timeslot, 'id'>, id: string): Timeslot => ({
		id,
		...(body.title ? { title: body.title } : {}),
		...(body.interviewType ? { interviewType: body.interviewType } : {}),
		...(body.place ? { place: body.place } : {}),
		startsOn: body.startsOn,
		endsOn: body.endsOn,
		interviewers: body.interviewers.map((interviewer) => ({
			id: interviewer.id,
			status: interviewer.status,
		})),
		...(body.candidateStatus ? { candidateStatus: body.candidateStatus } : {}),
	});

	router.get('/interviews', (req, res) => {
		const applicationId = queryString(req.query.applicationId);
		if (!ctx.state.applications.some((application) => application.id === applicationId)) {
			return sendError(res, 404, 'APPLICATION_NOT_FOUND', `Application ${applicationId} not found`);
		}
		res.json({
			content: ctx.state.interviews
				.filter((interview) => interview.applicationId === applicationId)
				.map(presentInterview),
		});
	});

	router.post('/interviews', (req, res) => {
		const body = req.body as Omit<
			SrInterview,
			'id' | 'applicationId' | 'timeslots' | 'createdOn' | 'source'
		> & {
			timeslots: Array<Omit<Timeslot, 'id'>>;
			createdOn?: string;
			refUrl?: string;
		};
		if (!isTimezone(body.timezone))
			return sendError(res, 400, 'INVALID_TIMEZONE', `"${body.timezone}" is not a time zone`);
		const failure = applicationFailure(ctx, body.candidate.id, body.jobId);
		if (failure) return sendError(res, 422, failure.code, failure.message);
		const organizer = findUser(ctx, body.organizerId);
		if (!organizer)
			return sendError(
				res,
				422,
				'NON_EXISTING_ORGANIZER',
				`Organizer ${body.organizerId} does not exist`,
			);
		if (!organizer.active)
			return sendError(
				res,
				422,
				'INACTIVE_OR_DELETED_ORGANIZER',
				`Organizer ${body.organizerId} is inactive or deleted`,
			);
		const slotProblem = timeslotFailure(ctx, body.timeslots);
		if (slotProblem) return sendError(res, 422, slotProblem.code, slotProblem.message);
		const application = findApplication(ctx, body.candidate.id, body.jobId)!;
		const interview: SrInterview = {
			id: newId(),
			applicationId: application.id,
			candidate: {
				id: body.candidate.id,
				...(body.candidate.status ? { status: body.candidate.status } : {}),
			},
			jobId: body.jobId,
			...(body.location ? { location: body.location } : {}),
			organizerId: body.organizerId,
			timezone: body.timezone,
			timeslots: body.timeslots.map((slot) => slotOf(slot, newId())),
			createdOn: body.createdOn ?? ctx.nowIso(),
			// ⚠ `source` is read-only and undocumented beyond its name; interviews made through the API say "api".
			source: 'api',
		};
		ctx.state.interviews.push(interview);
		res.status(201).json(presentInterview(interview));
	});

	router.get('/interviews/:interviewId', (req, res) => {
		const interview = requireInterview(req, res);
		if (interview) res.json(presentInterview(interview));
	});

	router.patch('/interviews/:interviewId', (req, res) => {
		const interview = requireInterview(req, res);
		if (!interview) return;
		const body = req.body as {
			location?: string;
			timezone?: string;
			candidate?: { status: Timeslot['interviewers'][number]['status'] };
		};
		if (body.timezone !== undefined && !isTimezone(body.timezone))
			return sendError(res, 400, 'INVALID_TIMEZONE', `"${body.timezone}" is not a time zone`);
		if (body.location !== undefined) interview.location = body.location;
		if (body.timezone !== undefined) interview.timezone = body.timezone;
		if (body.candidate) {
			// The deprecated interview-level status and every slot's candidate status move together.
			interview.candidate.status = body.candidate.status;
			for (const slot of interview.timeslots) slot.candidateStatus = body.candidate.status;
		}
		res.status(204).end();
	});

	router.delete('/interviews/:interviewId', (req, res) => {
		const interview = requireInterview(req, res);
		if (!interview) return;
		ctx.state.interviews = ctx.state.interviews.filter((candidate) => candidate !== interview);
		res.status(204).end();
	});

	router.patch('/interviews/:interviewId/timeslots/:timeslotId', (req, res) => {
		const interview = requireInterview(req, res);
		if (!interview) return;
		const index = interview.timeslots.findIndex((slot) => slot.id === req.params.timeslotId);
		if (index < 0)
			return sendError(
				res,
				404,
				'TIMESLOT_NOT_FOUND',
				`Time slot ${req.params.timeslotId} not found in interview ${interview.id}`,
			);
		const body = req.body as Omit<Timeslot, 'id'>;
		const slotProblem = timeslotFailure(ctx, [body]);
		if (slotProblem) return sendError(res, 422, slotProblem.code, slotProblem.message);
		interview.timeslots[index] = slotOf(
			{ candidateStatus: interview.timeslots[index].candidateStatus, ...body },
			interview.timeslots[index].id,
		);
		res.status(204).end();
	});

	return router;
}

export function userRoutes(ctx: SimContext): Router {
	const router = express.Router();
	router.get('/users', (req, res) => {
		const q = queryString(req.query.q)?.toLowerCase();
		const updatedAfter = queryString(req.query.updatedAfter);
		const limit = queryInt(req.query.limit, 100);
		const offset = queryInt(req.query.offset, 0);
		const users = ctx.state.users.filter(
			(user) =>
				(!q || `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase().includes(q)) &&
				(!updatedAfter || Date.parse(user.updatedOn) > Date.parse(updatedAfter)),
		);
		res.json({
			limit,
			offset,
			totalFound: users.length,
			content: users.slice(offset, offset + limit).map(presentUser),
		});
	});
	router.get('/users/me', (_req, res) => {
		const meId = (res.locals.userId as string | undefined) ?? ctx.actingUserId;
		const me = ctx.state.users.find((user) => user.id === meId);
		if (!me)
			return sendError(res, 404, 'USER_NOT_FOUND', 'The user of this credential no longer exists');
		res.json(presentUser(me));
	});
	router.get('/users/:id', (req, res) => {
		const user = ctx.state.users.find((candidate) => candidate.id === req.params.id);
		if (!user) return sendError(res, 404, 'USER_NOT_FOUND', `User ${req.params.id} not found`);
		res.json(presentUser(user));
	});
	return router;
}
