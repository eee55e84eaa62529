/**
 * Candidates API (root base path): search, create (talent pool / job), personal details, tags, applications,
 * status, source, properties, attachments, offers. Request bodies already passed the spec check (spec.ts);
 * these handlers add the semantic rules the real API enforces.
 */
import { setTimeout as sleep } from 'node:timers/promises';

import express, { type Request, type Response, type Router } from 'express';

import {
	action,
	applicationPayload,
	applicationsOf,
	decodeCursor,
	encodeCursor,
	findApplication,
	findCandidate,
	findJob,
	hiringProcessOf,
	newId,
	presentApplication,
	presentCandidateDetails,
	presentCandidateSummary,
	presentOffer,
	queryInt,
	queryList,
	queryString,
	sendError,
	setNextLink,
	type SimContext,
} from '../context';
import { checkPropertyValue, propertyValueLabel } from '../property-values';
import {
	SUB_STATUS_STATUSES,
	type CandidateStatus,
	type SrApplication,
	type SrCandidate,
	type SrSourceRef,
	type SubStatusStatus,
} from '../types';

export interface CandidateRouteOptions {
	/** ⚠ "Only candidates … having at least one job application are returned": talent-pool-only candidates are left out by default. */
	talentPoolInSearch: boolean;
	/** `GET /candidates` takes this long so that a second concurrent call really overlaps (1-concurrent limit). */
	searchLatencyMs: number;
}

const MAX_TAGS = 100;
const MAX_ATTACHMENTS_PER_APPLICATION = 20;
const ALLOWED_EXTENSIONS = new Set([
	'pdf',
	'doc',
	'docx',
	'odt',
	'rtf',
	'txt',
	'html',
	'png',
	'jpg',
	'jpeg',
]);

type SourceFlavour = 'talentPool' | 'job' | 'update';
type Failure = { status: number; code: string; message: string };

export function candidateRoutes(ctx: SimContext, options: CandidateRouteOptions): Router {
	const router = express.Router();

	router.get('/candidates', async (req, res) => {
		await sleep(options.searchLatencyMs);
		searchCandidates(ctx, options, req, res);
	});

	router.post('/candidates', (req, res) => createCandidate(ctx, req, res));
	router.post('/jobs/:jobId/candidates', (req, res) => {
		if (!findJob(ctx, req.params.jobId))
			return sendError(res, 404, 'JOB_NOT_FOUND', `Job ${req.params.jobId} not found`);
		createCandidate(ctx, req, res, req.params.jobId);
	});

	router.get('/candidates/:id', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (candidate) res.json(presentCandidateDetails(ctx, candidate));
	});

	router.patch('/candidates/:id', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		const body = req.body as Partial<SrCandidate>;
		// Omitted fields stay untouched. ⚠ `location` and `web` are replaced as whole objects, not merged
		// (undocumented): clients that protect fields must send the complete object.
		for (const field of [
			'firstName',
			'lastName',
			'email',
			'phoneNumber',
			'location',
			'web',
		] as const) {
			if (body[field] !== undefined)
				(candidate as unknown as Record<string, unknown>)[field] = body[field];
		}
		candidate.updatedOn = ctx.nowIso();
		ctx.emit('candidate.updated', { id: candidate.id });
		res.json(presentCandidateDetails(ctx, candidate));
	});

	router.delete('/candidates/:id', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		ctx.state.candidates = ctx.state.candidates.filter((other) => other.id !== candidate.id);
		ctx.state.applications = ctx.state.applications.filter(
			(application) => application.candidateId !== candidate.id,
		);
		ctx.emit('candidate.deleted', { id: candidate.id });
		res.status(204).end();
	});

	router.get('/candidates/:id/tags', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (candidate) res.json({ tags: candidate.tags });
	});
	router.post('/candidates/:id/tags', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		const added = (req.body as { tags: string[] }).tags;
		const merged = [...candidate.tags];
		for (const tag of added)
			if (!merged.some((existing) => existing.toLowerCase() === tag.toLowerCase()))
				merged.push(tag);
		if (merged.length > MAX_TAGS) {
			// ⚠ the docs say only "Adding too many tags"; the code is the simulator's.
			return sendError(
				res,
				400,
				'TOO_MANY_TAGS',
				`A candidate can have at most ${MAX_TAGS} tags (would have ${merged.length})`,
			);
		}
		candidate.tags = merged;
		candidate.updatedOn = ctx.nowIso();
		ctx.emit('candidate.updated', { id: candidate.id });
		res.status(201).json({ tags: candidate.tags });
	});
	router.put('/candidates/:id/tags', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		candidate.tags = [...new Set((req.body as { tags: string[] }).tags)];
		candidate.updatedOn = ctx.nowIso();
		ctx.emit('candidate.updated', { id: candidate.id });
		res.status(201).json({ tags: candidate.tags });
	});
	router.delete('/candidates/:id/tags', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		candidate.tags = [];
		candidate.updatedOn = ctx.nowIso();
		ctx.emit('candidate.updated', { id: candidate.id });
		res.status(204).end();
	});

	router.get('/candidates/:id/jobs/:jobId', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (application) res.json(presentApplication(ctx, application));
	});

	router.put('/candidates/:id/jobs/:jobId/status', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (application) updateStatus(ctx, application, req, res);
	});

	router.get('/candidates/:id/jobs/:jobId/status/history', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		res.json({
			totalFound: application.statusHistory.length,
			content: application.statusHistory.map((change) => ({
				changedOn: change.changedOn,
				status: change.status,
				...(change.subStatus ? { subStatus: change.subStatus } : {}),
			})),
		});
	});

	router.put('/candidates/:id/jobs/:jobId/source', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		const resolved = resolveSource(ctx, req.body as SrSourceRef, 'update');
		if ('code' in resolved) return sendError(res, resolved.status, resolved.code, resolved.message);
		application.source = resolved;
		touch(ctx, application);
		ctx.emit('application.source.updated', applicationPayload(application));
		res.status(204).end();
	});

	router.get('/candidates/:id/jobs/:jobId/properties', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		const context = queryString(req.query.context);
		const content = ctx.state.config.candidateProperties
			.filter((definition) => application.properties[definition.id] !== undefined)
			.filter(
				(definition) =>
					!context || definition.context.includes(context as (typeof definition.context)[number]),
			)
			.map((definition) => {
				const value = application.properties[definition.id];
				const valueLabel = propertyValueLabel(ctx.state, definition, value);
				return {
					id: definition.id,
					label: definition.label,
					type: definition.type,
					value,
					...(valueLabel ? { valueLabel } : {}),
					actions: {
						configuration: action(ctx, `/configuration/candidate-properties/${definition.id}`),
					},
				};
			});
		// Documented: `{}` when no value is set.
		res.json(content.length ? { content } : {});
	});

	router.put('/candidates/:id/jobs/:jobId/properties', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (application) updateProperties(ctx, application, req, res);
	});

	router.get('/candidates/:id/jobs/:jobId/attachments', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		res.json({
			totalFound: application.attachments.length,
			content: application.attachments.map((attachment) => presentAttachment(ctx, attachment)),
		});
	});

	router.post('/candidates/:id/jobs/:jobId/attachments', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (application) addAttachment(ctx, application, req, res);
	});

	router.get('/candidates/attachments/:attachmentId', (req, res) => {
		const attachment = ctx.state.applications
			.flatMap((application) => application.attachments)
			.find((item) => item.id === req.params.attachmentId);
		if (!attachment)
			return sendError(
				res,
				404,
				'FILE_NOT_FOUND',
				`Attachment ${req.params.attachmentId} not found`,
			);
		res
			.status(200)
			.type(attachment.contentType)
			.setHeader('Content-Disposition', `attachment; filename="${attachment.name}"`);
		res.send(attachment.content);
	});

	router.get('/candidates/:id/consent', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (candidate)
			res.json({
				status: candidate.consentStatus,
				...(candidate.consentStatus === 'ACQUIRED' && candidate.consentDate
					? { date: candidate.consentDate }
					: {}),
			});
	});

	router.get('/candidates/:id/consents', (req, res) => {
		const candidate = requireCandidate(ctx, req, res);
		if (!candidate) return;
		res.json({
			decisions: candidate.consentDecisions,
			...(candidate.pendingConsentRequestAt
				? { recentPendingRequestCreatedOn: candidate.pendingConsentRequestAt }
				: {}),
		});
	});

	router.post('/candidates/consent-requests', (req, res) => {
		const { content } = req.body as { content: Array<{ id: string }> };
		const now = ctx.nowIso();
		const results = content.map(({ id }) => {
			const candidate = findCandidate(ctx, id);
			// Documented per candidate: 202 scheduled, or 403 when no privacy policy is configured. ⚠ An unknown
			// candidate is not documented; the simulator answers it like a candidate it cannot ask (403).
			if (!candidate || !ctx.state.config.privacyPolicy) return { status: 403, body: false };
			if (candidate.consentStatus !== 'ACQUIRED') candidate.consentStatus = 'PENDING';
			candidate.pendingConsentRequestAt = now;
			candidate.consentRequestsSent = (candidate.consentRequestsSent ?? 0) + 1;
			return { status: 202, body: { location: `${ctx.baseUrl()}/candidates/${id}/consents` } };
		});
		res.status(201).json({ results });
	});

	router.get('/candidates/:id/jobs/:jobId/screening-answers', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (application)
			res.json({
				totalFound: application.screeningAnswers.length,
				content: application.screeningAnswers,
			});
	});

	/** Documented 404 when the company has not activated the Onboarding Status candidate property. */
	const onboardingStatusInactive = (res: Response) => {
		if (ctx.state.config.onboardingStatusActive) return false;
		sendError(
			res,
			404,
			'ONBOARDING_STATUS_NOT_ACTIVE',
			'Onboarding Status candidate property is not activated',
		);
		return true;
	};

	router.get('/candidates/:id/jobs/:jobId/onboardingStatus', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application || onboardingStatusInactive(res)) return;
		// ⚠ Undocumented what an application without a status returns; 404 with the simulator's code.
		if (!application.onboardingStatus)
			return sendError(
				res,
				404,
				'ONBOARDING_STATUS_NOT_SET',
				'No onboarding status set for this application',
			);
		res.json({ onboardingStatus: application.onboardingStatus });
	});

	router.put('/candidates/:id/jobs/:jobId/onboardingStatus', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application || onboardingStatusInactive(res)) return;
		application.onboardingStatus = (
			req.body as { onboardingStatus: NonNullable<SrApplication['onboardingStatus']> }
		).onboardingStatus;
		touch(ctx, application);
		ctx.emit('application.onboarding-status.updated', applicationPayload(application));
		res.status(204).end();
	});

	router.get('/candidates/:id/jobs/:jobId/offers', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		const offers = ctx.state.offers.filter(
			(offer) => offer.candidateId === application.candidateId && offer.jobId === application.jobId,
		);
		res.json({
			limit: offers.length,
			offset: 0,
			totalFound: offers.length,
			content: offers.map((offer) => presentOffer(ctx, offer)),
		});
	});

	router.get('/candidates/:id/jobs/:jobId/offers/:offerId', (req, res) => {
		const application = requireApplication(ctx, req, res);
		if (!application) return;
		const offer = ctx.state.offers.find(
			(item) =>
				item.id === req.params.offerId &&
				item.candidateId === application.candidateId &&
				item.jobId === application.jobId,
		);
		if (!offer)
			return sendError(res, 404, 'OFFER_NOT_FOUND', `Offer ${req.params.offerId} not found`);
		res.json(presentOffer(ctx, offer));
	});

	return router;
}

function requireCandidate(ctx: SimContext, req: Request, res: Response): SrCandidate | undefined {
	const candidate = findCandidate(ctx, req.params.id);
	if (!candidate)
		sendError(res, 404, 'CANDIDATE_NOT_FOUND', `Candidate ${req.params.id} not found`);
	return candidate;
}

/** Application of the path's candidate × job; 404 `JOB_NOT_FOUND` "when candidate is not assigned to given job". */
function requireApplication(
	ctx: SimContext,
	req: Request,
	res: Response,
): SrApplication | undefined {
	if (!requireCandidate(ctx, req, res)) return undefined;
	const application = findApplication(ctx, req.params.id, req.params.jobId);
	if (!application)
		sendError(
			res,
			404,
			'JOB_NOT_FOUND',
			`Candidate ${req.params.id} is not assigned to job ${req.params.jobId}`,
		);
	return application;
}

function touch(ctx: SimContext, application: SrApplication) {
	const candidate = findCandidate(ctx, application.candidateId);
	// Application changes count as candidate updates for `updatedAfter` (the search index is per candidate).
	if (candidate) candidate.updatedOn = ctx.nowIso();
}

function searchCandidates(
	ctx: SimContext,
	options: CandidateRouteOptions,
	req: Request,
	res: Response,
) {
	const query = req.query;
	const limit = queryInt(query.limit, 10);
	const scope = JSON.stringify(
		Object.entries(query)
			.filter(([name]) => name !== 'pageId' && name !== 'limit')
			.sort(([a], [b]) => a.localeCompare(b)),
	);
	const pageId = queryString(query.pageId);
	let offset = 0;
	if (pageId !== undefined) {
		const decoded = decodeCursor(pageId, scope);
		if (decoded === undefined)
			return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
		offset = decoded;
	}
	const propertyIds = queryList(query.propertyId);
	const propertyValueIds = queryList(query.propertyValueId);
	if (propertyIds.length !== propertyValueIds.length) {
		return sendError(
			res,
			400,
			'FIELDS_CRITERIA_SIZE_VIOLATED',
			'propertyId and propertyValueId must have the same number of elements',
		);
	}
	const sourceTypes = queryList(query.sourceType);
	const sourceSubTypes = queryList(query.sourceSubType);
	const sourceValueIds = queryList(query.sourceValueId);
	if (
		sourceTypes.length !== sourceSubTypes.length ||
		sourceTypes.length !== sourceValueIds.length
	) {
		return sendError(
			res,
			400,
			'SOURCES_CRITERIA_SIZE_VIOLATED',
			'sourceType, sourceSubType and sourceValueId must have the same number of elements',
		);
	}
	const onboardingStatus = queryString(query.onboardingStatus);
	const jobIds = queryList(query.jobId);
	const statuses = queryList(query.status);
	const subStatus = statuses.length ? queryString(query.subStatus) : undefined;
	const tags = queryList(query.tag).map((tag) => tag.toLowerCase());
	const locations = queryList(query.location).map((location) => location.toLowerCase());
	const consentStatuses = queryList(query.consentStatus);
	const updatedAfter = queryString(query.updatedAfter);
	const matchesText = textMatcher(queryString(query.q));

	const results = ctx.state.candidates.filter((candidate) => {
		const applications = applicationsOf(ctx, candidate.id);
		if (applications.length === 0 && !options.talentPoolInSearch) return false;
		if (!matchesText(candidate)) return false;
		if (tags.length && !candidate.tags.some((tag) => tags.includes(tag.toLowerCase())))
			return false;
		if (consentStatuses.length && !consentStatuses.includes(candidate.consentStatus)) return false;
		if (updatedAfter && !(Date.parse(candidate.updatedOn) > Date.parse(updatedAfter))) return false;
		if (locations.length) {
			const where = [
				candidate.location?.city,
				candidate.location?.country,
				candidate.location?.region,
			]
				.join(' ')
				.toLowerCase();
			if (!locations.some((location) => where.includes(location))) return false;
		}
		const needsApplication =
			jobIds.length ||
			statuses.length ||
			propertyIds.length ||
			sourceTypes.length ||
			onboardingStatus;
		if (!needsApplication) return true;
		// Job-scoped criteria must hold for the same application.
		return applications.some(
			(application) =>
				(!jobIds.length || jobIds.includes(application.jobId)) &&
				(!statuses.length || statuses.includes(application.status)) &&
				(!subStatus || application.subStatus === subStatus) &&
				(!onboardingStatus || application.onboardingStatus === onboardingStatus) &&
				propertyIds.every(
					(propertyId, index) => application.properties[propertyId] === propertyValueIds[index],
				) &&
				(!sourceTypes.length ||
					sourceTypes.some(
						(type, index) =>
							application.source.sourceTypeId === type &&
							application.source.sourceSubTypeId === sourceSubTypes[index] &&
							application.source.sourceId === sourceValueIds[index],
					)),
		);
	});
	results.sort((a, b) => b.updatedOn.localeCompare(a.updatedOn) || a.id.localeCompare(b.id));
	const page = results.slice(offset, offset + limit);
	const nextOffset = offset + page.length;
	const nextPageId = nextOffset < results.length ? encodeCursor(nextOffset, scope) : undefined;
	if (nextPageId) setNextLink(ctx, req, res, 'pageId', nextPageId);
	res.json({
		limit,
		offset,
		...(nextPageId ? { nextPageId } : {}),
		totalFound: results.length,
		content: page.map((candidate) => presentCandidateSummary(ctx, candidate)),
	});
}

function tokenize(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		if (a.length > b.length) i++;
		else if (b.length > a.length) j++;
		else {
			i++;
			j++;
		}
	}
	return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Keyword search like SmartRecruiters' (stemmed, fuzzy, tokenized on punctuation): unquoted words are split into
 * tokens (`jane.doe@x.com` → jane, doe, x, com) and a candidate matches if ANY token matches a name/email/phone token
 * by prefix or one typo. A "quoted phrase" must appear as consecutive tokens — still not an exact email match
 * (`"jane@x.com"` also finds `mary.jane@x.com`), so clients must compare `email` themselves.
 */
function textMatcher(q: string | undefined): (candidate: SrCandidate) => boolean {
	if (!q || !q.trim()) return () => true;
	const phrases = [...q.matchAll(/"([^"]*)"/g)]
		.map((match) => tokenize(match[1]))
		.filter((tokens) => tokens.length);
	const loose = tokenize(q.replace(/"[^"]*"/g, ' '));
	return (candidate) => {
		const fields = [
			candidate.firstName,
			candidate.lastName,
			candidate.email,
			candidate.phoneNumber ?? '',
		].map(tokenize);
		const tokens = fields.flat();
		const phraseOk = phrases.every((phrase) =>
			fields.some((field) =>
				field.some((_, start) => phrase.every((word, offset) => field[start + offset] === word)),
			),
		);
		if (!phraseOk) return false;
		if (!loose.length) return true;
		return loose.some((term) =>
			tokens.some(
				(token) =>
					token.startsWith(term) || (term.length >= 4 && editDistanceAtMostOne(term, token)),
			),
		);
	};
}

/** Source rules of create (talent pool / job) and `PUT …/source`, each with its documented codes. */
function resolveSource(
	ctx: SimContext,
	details: SrSourceRef,
	flavour: SourceFlavour,
): SrSourceRef | Failure {
	const type = ctx.state.config.sourceTypes.find(
		(candidate) => candidate.id === details.sourceTypeId,
	);
	if (!type) {
		return flavour === 'update'
			? {
					status: 400,
					code: 'INVALID_SOURCE_TYPE',
					message: `Source type "${details.sourceTypeId}" does not exist`,
				}
			: {
					status: 404,
					code: 'SOURCE_TYPE_NOT_FOUND',
					message: `Source type "${details.sourceTypeId}" does not exist`,
				};
	}
	if (details.sourceSubTypeId === undefined && type.subtypes.length > 1) {
		return {
			status: 400,
			code: 'SUBTYPE_REQUIRED',
			message: `Source type "${type.id}" has several subtypes (${type.subtypes.join(', ')}); sourceSubTypeId is required`,
		};
	}
	const subType = details.sourceSubTypeId ?? type.subtypes[0];
	const value = ctx.state.config.sourceValues.find(
		(candidate) => candidate.id === details.sourceId,
	);
	const fitsType =
		value &&
		value.sourceTypeId === type.id &&
		value.sourceSubTypeId === subType &&
		type.subtypes.includes(subType);
	if (fitsType) return { sourceTypeId: type.id, sourceSubTypeId: subType, sourceId: value.id };
	if (flavour === 'update')
		return {
			status: 400,
			code: 'INVALID_SOURCE',
			message: `Source "${details.sourceId}" does not exist in type "${type.id}"/"${subType}"`,
		};
	if (value && flavour === 'job') {
		return {
			status: 400,
			code: 'INVALID_SOURCE_ID',
			message: `Source "${details.sourceId}" is not a source of type "${type.id}"/"${subType}"`,
		};
	}
	return {
		status: 400,
		code: 'SOURCE_NOT_FOUND',
		message: `Source "${details.sourceId}" does not exist in type "${type.id}"/"${subType}"`,
	};
}

/**
 * ⚠ Like the real API (as far as anyone has observed), creating with an email that already exists makes a NEW,
 * duplicate profile — dedupe before creating. ⚠ A job application starts as NEW (undocumented: NEW vs LEAD).
 */
function createCandidate(ctx: SimContext, req: Request, res: Response, jobId?: string) {
	const body = req.body as Partial<SrCandidate> & { sourceDetails?: SrSourceRef };
	let source: SrSourceRef = {
		sourceTypeId: 'API',
		sourceSubTypeId: 'API',
		sourceId:
			ctx.state.config.sourceValues.find((value) => value.sourceTypeId === 'API')?.id ?? 'API',
	};
	if (body.sourceDetails) {
		const resolved = resolveSource(ctx, body.sourceDetails, jobId ? 'job' : 'talentPool');
		if ('code' in resolved) return sendError(res, resolved.status, resolved.code, resolved.message);
		source = resolved;
	}
	const now = ctx.nowIso();
	const candidate: SrCandidate = {
		id: newId(),
		firstName: body.firstName as string,
		lastName: body.lastName as string,
		email: body.email as string,
		...(body.phoneNumber ? { phoneNumber: body.phoneNumber } : {}),
		...(body.location ? { location: body.location } : {}),
		...(body.web ? { web: body.web } : {}),
		tags: [...new Set(body.tags ?? [])],
		internal: body.internal ?? false,
		education: body.education ?? [],
		experience: body.experience ?? [],
		consentStatus: 'REQUIRED',
		consentDecisions: [{ status: 'required', scope: 'Single' }],
		createdOn: now,
		updatedOn: now,
	};
	ctx.state.candidates.push(candidate);
	ctx.emit('candidate.created', { id: candidate.id });
	if (jobId) {
		const application: SrApplication = {
			id: newId(),
			candidateId: candidate.id,
			jobId,
			status: 'NEW',
			source,
			properties: {},
			attachments: [],
			screeningAnswers: [],
			statusHistory: [{ changedOn: now, status: 'NEW' }],
			createdOn: now,
		};
		ctx.state.applications.push(application);
		ctx.emit('application.created', applicationPayload(application));
		const job = findJob(ctx, jobId);
		if (job) job.lastActivityOn = now;
	}
	res.status(201).json(presentCandidateDetails(ctx, candidate));
}

function updateStatus(ctx: SimContext, application: SrApplication, req: Request, res: Response) {
	const body = req.body as {
		status: CandidateStatus;
		subStatus?: string;
		startsOn?: string;
		reason?: string;
	};
	const { config } = ctx.state;
	let reason: { id: string; label: string } | undefined;
	if (body.reason !== undefined) {
		if (body.status !== 'REJECTED' && body.status !== 'WITHDRAWN') {
			return sendError(
				res,
				400,
				'NO_REASON_SUPPORT_FOR_STATUS',
				`A reason can only be given for REJECTED or WITHDRAWN, not ${body.status}`,
			);
		}
		const reasons = body.status === 'REJECTED' ? config.rejectionReasons : config.withdrawalReasons;
		reason = reasons.find((candidate) => candidate.id === body.reason);
		if (!reason)
			return sendError(
				res,
				400,
				'REASON_NOT_FOUND',
				`Reason "${body.reason}" is not a ${body.status === 'REJECTED' ? 'rejection' : 'withdrawal'} reason`,
			);
	}
	const job = findJob(ctx, application.jobId);
	const process = job ? hiringProcessOf(ctx, job) : undefined;
	if (body.subStatus !== undefined) {
		const labels = SUB_STATUS_STATUSES.includes(body.status as SubStatusStatus)
			? (process?.subStatuses[body.status as SubStatusStatus] ?? [])
			: [];
		if (!labels.includes(body.subStatus)) {
			// ⚠ undocumented code; sub-statuses are exact labels of the job's hiring process.
			return sendError(
				res,
				400,
				'SUB_STATUS_NOT_FOUND',
				labels.length
					? `"${body.subStatus}" is not a sub-status of ${body.status} in "${process?.name}" (${labels.join(', ')})`
					: `Status ${body.status} has no sub-statuses`,
			);
		}
	} else if (process?.subStatusRequiredFor.includes(body.status as SubStatusStatus)) {
		return sendError(
			res,
			400,
			'REQUIRED_SUB_STATUS_OMITTED',
			`Hiring process "${process.name}" requires a sub-status for ${body.status}`,
		);
	}
	const unchanged =
		application.status === body.status &&
		application.subStatus === body.subStatus &&
		body.startsOn === undefined &&
		!reason;
	if (!unchanged) {
		application.status = body.status;
		application.subStatus = body.subStatus;
		if (body.startsOn !== undefined) application.startsOn = body.startsOn;
		application.reasonOfRejection = body.status === 'REJECTED' ? reason : undefined;
		application.reasonOfWithdrawal = body.status === 'WITHDRAWN' ? reason : undefined;
		application.statusHistory.push({
			changedOn: ctx.nowIso(),
			status: body.status,
			...(body.subStatus ? { subStatus: body.subStatus } : {}),
		});
		touch(ctx, application);
		ctx.emit('application.status.updated', applicationPayload(application));
	}
	res.status(204).end();
}

function updateProperties(
	ctx: SimContext,
	application: SrApplication,
	req: Request,
	res: Response,
) {
	const items = req.body as Array<{ id: string; value?: unknown }>;
	const seen = new Set<string>();
	for (const item of items) {
		if (seen.has(item.id))
			return sendError(
				res,
				400,
				'DUPLICATE_PROPERTIES',
				`Property ${item.id} appears more than once`,
			);
		seen.add(item.id);
		const definition = ctx.state.config.candidateProperties.find(
			(candidate) => candidate.id === item.id,
		);
		if (!definition)
			return sendError(
				res,
				404,
				'PROPERTY_NOT_FOUND',
				`Candidate property ${item.id} does not exist`,
			);
		if (item.value === undefined) continue;
		const error = checkPropertyValue(ctx.state, definition, item.value);
		if (error) return sendError(res, error.status, error.code, error.message);
	}
	// All or nothing: values are applied only after every item passed.
	for (const item of items) {
		if (item.value === undefined) delete application.properties[item.id];
		else application.properties[item.id] = item.value as SrApplication['properties'][string];
	}
	touch(ctx, application);
	ctx.emit('application.fields.updated', applicationPayload(application));
	res.status(204).end();
}

function presentAttachment(ctx: SimContext, attachment: SrApplication['attachments'][number]) {
	return {
		id: attachment.id,
		name: attachment.name,
		type: attachment.type,
		contentType: attachment.contentType,
		actions: {
			download: action(ctx, `/candidates/attachments/${attachment.id}`),
			remove: action(ctx, `/candidates/attachments/${attachment.id}`, 'DELETE'),
		},
	};
}

function addAttachment(ctx: SimContext, application: SrApplication, req: Request, res: Response) {
	const file = req.file;
	const attachmentType = ((req.body as { attachmentType?: string }).attachmentType ??
		'GENERIC_FILE') as SrApplication['attachments'][number]['type'];
	if (!file || file.size === 0)
		return sendError(
			res,
			400,
			'INVALID_FILE',
			'A non-empty file is required in the multipart field "file"',
		);
	const extension = file.originalname.includes('.')
		? file.originalname.split('.').pop()!.toLowerCase()
		: '';
	if (!ALLOWED_EXTENSIONS.has(extension))
		return sendError(res, 400, 'INVALID_FILE', `File extension ".${extension}" is not allowed`);
	if (application.attachments.some((attachment) => attachment.name === file.originalname)) {
		return sendError(
			res,
			400,
			'FILE_ALREADY_EXIST',
			`File "${file.originalname}" already exists for this application`,
		);
	}
	if (application.attachments.length >= MAX_ATTACHMENTS_PER_APPLICATION) {
		return sendError(
			res,
			422,
			'ATTACHMENT_LIMIT_EXCEEDED',
			`No more than ${MAX_ATTACHMENTS_PER_APPLICATION} files per application`,
		);
	}
	const attachment = {
		id: newId(),
		name: file.originalname,
		type: attachmentType,
		contentType: file.mimetype || 'application/octet-stream',
		size: file.size,
		content: file.buffer,
		createdOn: ctx.nowIso(),
	};
	application.attachments.push(attachment);
	touch(ctx, application);
	ctx.emit('application.attachment.created', {
		...applicationPayload(application),
		attachment_id: attachment.id,
	});
	res.status(201).json(presentAttachment(ctx, attachment));
}
