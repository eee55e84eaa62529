/**
 * Jobs API writes (root base path): create, JSON-Patch update, status and its history, publication, hiring team
 * members, the job note and positions. Bodies already passed the spec check (spec.ts); these handlers add the rules
 * the real API enforces, with its documented codes (⚠ where a code is the simulator's own).
 */
import express, { type Request, type Response, type Router } from 'express';

import {
	action,
	findJob,
	findUser,
	newId,
	presentJobDetails,
	queryString,
	sendError,
	type SimContext,
} from '../context';
import { applyJsonPatch, JsonPatchError, type JsonPatchOperation } from '../json-patch';
import type { IdLabel, JobStatus, SrJob, SrPosition } from '../types';

export interface JobChangeOptions {
	/** The spec's check of a `JobInput` (a JSON-Patch result must still be one); returns the violations. */
	checkJobInput(view: unknown): string[];
}

const EXPERIENCE_LEVELS = [
	'associate',
	'director',
	'entry_level',
	'executive',
	'internship',
	'mid_senior_level',
	'not_applicable',
];
const LOCATION_FIELDS = [
	'countryCode',
	'regionCode',
	'region',
	'address',
	'postalCode',
	'city',
	'remote',
] as const;

type JobInputView = {
	title: string;
	refNumber?: string;
	targetHiringDate?: string;
	department?: { id: string };
	location: Record<string, unknown>;
	industry: { id: string };
	function: { id: string };
	typeOfEmployment?: { id: string };
	experienceLevel: { id: string };
	eeoCategory?: { id: string };
	compensation?: { min?: number; max?: number; currency?: string };
	jobAd?: {
		sections?: Record<string, { title?: string; text?: string }>;
		language?: { code: string };
	};
	properties?: Array<{ id: string; value: { id: string } }>;
};

/** The job as `JobInput`: what create takes and what a JSON Patch of `PATCH /jobs/{id}` applies to. */
function jobInputView(job: SrJob): JobInputView {
	return {
		title: job.title,
		refNumber: job.refNumber,
		...(job.targetHiringDate ? { targetHiringDate: job.targetHiringDate } : {}),
		...(job.department ? { department: { id: job.department.id } } : {}),
		location: Object.fromEntries(
			LOCATION_FIELDS.filter(
				(key) => job.location[key as keyof typeof job.location] !== undefined,
			).map((key) => [key, job.location[key as keyof typeof job.location]]),
		),
		industry: { id: job.industry.id },
		function: { id: job.function.id },
		typeOfEmployment: { id: job.typeOfEmployment.id },
		experienceLevel: { id: job.experienceLevel.id },
		...(job.eeoCategory ? { eeoCategory: { id: job.eeoCategory.id } } : {}),
		...(job.compensation ? { compensation: { ...job.compensation } } : {}),
		jobAd: {
			sections: {
				jobDescription: { text: job.jobAdText },
				...structuredClone(job.jobAdSections ?? {}),
			},
			language: { code: job.language.code },
		},
		properties: job.properties.map((property) => ({
			id: property.id,
			value: { id: property.value.id },
		})),
	};
}

type Failure = { status: number; code: string; message: string };
/** The fields of a job that create and update set. */
type JobFields = Pick<
	SrJob,
	| 'title'
	| 'refNumber'
	| 'targetHiringDate'
	| 'department'
	| 'location'
	| 'industry'
	| 'function'
	| 'typeOfEmployment'
	| 'experienceLevel'
	| 'compensation'
	| 'jobAdText'
	| 'jobAdSections'
	| 'properties'
>;

/** The ids a job refers to, resolved against the configuration with the documented codes; `own` is the job itself on update. */
function resolveJobInput(ctx: SimContext, input: JobInputView, own?: SrJob): Failure | JobFields {
	const { config } = ctx.state;
	const find = (list: IdLabel[], id: string | undefined) => list.find((entry) => entry.id === id);
	const department = input.department
		? config.departments.find((entry) => entry.id === input.department!.id)
		: undefined;
	if (input.department && !department)
		return {
			status: 400,
			code: 'DEPARTMENT_NOT_FOUND',
			message: `Department ${input.department.id} does not exist`,
		};
	const industry = find(config.industries, input.industry.id);
	if (!industry)
		return {
			status: 400,
			code: 'INDUSTRY_NOT_FOUND',
			message: `Industry "${input.industry.id}" does not exist`,
		};
	const jobFunction = find(config.functions, input.function.id);
	if (!jobFunction)
		return {
			status: 400,
			code: 'FUNCTION_NOT_FOUND',
			message: `Function "${input.function.id}" does not exist`,
		};
	const typeOfEmployment = input.typeOfEmployment
		? find(config.typesOfEmployment, input.typeOfEmployment.id)
		: config.typesOfEmployment[0];
	if (!typeOfEmployment)
		return {
			status: 400,
			code: 'TYPE_OF_EMPLOYMENT_NOT_FOUND',
			message: `Type of employment "${input.typeOfEmployment!.id}" does not exist`,
		};
	if (!EXPERIENCE_LEVELS.includes(input.experienceLevel.id)) {
		return {
			status: 400,
			code: 'EXPERIENCE_LEVEL_NOT_FOUND',
			message: `Experience level "${input.experienceLevel.id}" does not exist`,
		};
	}
	if (
		input.refNumber &&
		ctx.state.jobs.some((job) => job !== own && job.refNumber === input.refNumber)
	) {
		return {
			status: 409,
			code: 'REF_NUMBER_ALREADY_EXISTS',
			message: `A job with ref number "${input.refNumber}" already exists`,
		};
	}
	// "Ignores all nonexistent job properties and job properties values."
	const properties = (input.properties ?? []).flatMap((entry) => {
		const definition = config.jobProperties.find((property) => property.id === entry.id);
		const value = definition?.values.find((candidate) => candidate.id === entry.value.id);
		return definition && value
			? [
					{
						id: definition.id,
						label: definition.label,
						value: { id: value.id, label: value.label },
					},
				]
			: [];
	});
	const { jobDescription, ...sections } = input.jobAd?.sections ?? {};
	// The country's name is derived from its code: kept while the code stays the same.
	const sameCountry =
		own && own.location.countryCode === input.location.countryCode && own.location.country;
	const location = {
		...(sameCountry ? { country: own.location.country } : {}),
		...input.location,
	} as SrJob['location'];
	return {
		title: input.title,
		refNumber: input.refNumber ?? own?.refNumber ?? '',
		targetHiringDate: input.targetHiringDate,
		department: department ? { id: department.id, label: department.label } : undefined,
		location,
		industry,
		function: jobFunction,
		typeOfEmployment,
		experienceLevel: {
			id: input.experienceLevel.id,
			label: input.experienceLevel.id
				.replace(/_/g, ' ')
				.replace(/\b\w/g, (letter) => letter.toUpperCase()),
		},
		compensation: input.compensation as SrJob['compensation'],
		jobAdText: jobDescription?.text ?? own?.jobAdText ?? '',
		jobAdSections: sections,
		properties,
	};
}

export function jobChangeRoutes(ctx: SimContext, options: JobChangeOptions): Router {
	const router = express.Router();
	const actingUser = (res: Response) =>
		(res.locals.userId as string | undefined) ?? ctx.actingUserId;
	const requireJob = (req: Request, res: Response): SrJob | undefined => {
		const job = findJob(ctx, req.params.jobId);
		if (!job) sendError(res, 404, 'JOB_NOT_FOUND', `Job ${req.params.jobId} not found`);
		return job;
	};
	const touch = (job: SrJob) => {
		job.updatedOn = ctx.nowIso();
		job.lastActivityOn = job.updatedOn;
	};

	router.post('/jobs', (req, res) => {
		const input = req.body as JobInputView;
		const resolved = resolveJobInput(ctx, input);
		if ('code' in resolved) return sendError(res, resolved.status, resolved.code, resolved.message);
		const now = ctx.nowIso();
		const creatorId = actingUser(res);
		const job: SrJob = {
			id: newId(),
			createdOn: now,
			updatedOn: now,
			lastActivityOn: now,
			status: 'CREATED',
			postingStatus: 'NOT_PUBLISHED',
			language: { code: 'en', label: 'English', labelNative: 'English (US)' },
			creatorId,
			// ⚠ The docs do not say which hiring process a new job gets: the company's first active one.
			hiringProcessId: ctx.state.config.hiringProcesses.find((process) => process.active)?.id ?? '',
			statusHistory: [{ changedOn: now, status: 'CREATED', userId: creatorId }],
			positions: [],
			publications: [],
			...resolved,
		};
		ctx.state.jobs.push(job);
		// The creator starts as the team's recruiter, so every hiring team has a member.
		ctx.state.hiringTeams[job.id] = [{ userId: creatorId, role: 'RECRUITER' }];
		ctx.emit('job.created', { id: job.id });
		res.status(201).json(presentJobDetails(ctx, job));
	});

	router.patch('/jobs/:jobId', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		let patched: JobInputView;
		try {
			patched = applyJsonPatch(jobInputView(job), req.body as JsonPatchOperation[]);
		} catch (error) {
			if (!(error instanceof JsonPatchError)) throw error;
			// ⚠ The code of a patch that cannot be applied is not documented.
			return sendError(res, 400, 'INVALID_PATCH', error.message);
		}
		const problems = options.checkJobInput(patched);
		// Documented: 422 "Input validation fails" (the patched job must still be a valid JobInput).
		if (problems.length)
			return sendError(
				res,
				422,
				'VALIDATION_ERROR',
				`The patched job is invalid: ${problems.join('; ')}`,
			);
		const resolved = resolveJobInput(ctx, patched, job);
		if ('code' in resolved) return sendError(res, resolved.status, resolved.code, resolved.message);
		Object.assign(job, resolved);
		touch(job);
		ctx.emit('job.updated', { id: job.id });
		res.json(presentJobDetails(ctx, job));
	});

	router.put('/jobs/:jobId/status', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const { status } = req.body as { status: JobStatus };
		if (job.status !== status) {
			job.status = status;
			job.statusHistory.push({ changedOn: ctx.nowIso(), status, userId: actingUser(res) });
			touch(job);
			ctx.emit('job.status.updated', { id: job.id });
		}
		res.status(201).json({ status: job.status });
	});

	router.get('/jobs/:jobId/status/history', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		res.json({
			totalFound: job.statusHistory.length,
			content: job.statusHistory.map((entry) => ({
				changedOn: entry.changedOn,
				status: entry.status,
				actions: { user: action(ctx, `/user-api/v201804/users/${entry.userId}`) },
			})),
		});
	});

	router.post('/jobs/:jobId/publication', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const { visibility = 'PUBLIC', aggregators = true } = (req.body ?? {}) as {
			visibility?: 'PUBLIC' | 'INTERNAL';
			aggregators?: boolean;
		};
		const now = ctx.nowIso();
		const wanted = [
			{
				sourceName: visibility === 'PUBLIC' ? 'Career Page' : 'Internal Career Page',
				type: 'INTERNAL',
			},
			...(aggregators && visibility === 'PUBLIC'
				? [{ sourceName: 'Indeed', type: 'AGGREGATOR' }]
				: []),
		];
		// Publishing again keeps what is already published (the Publish button of the UI).
		for (const source of wanted) {
			if (
				!job.publications.some(
					(publication) =>
						publication.sourceName === source.sourceName && !publication.unpublishedOn,
				)
			) {
				job.publications.push({ ...source, publishedOn: now });
			}
		}
		job.postingStatus = visibility;
		touch(job);
		res.status(204).end();
	});

	router.delete('/jobs/:jobId/publication', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const now = ctx.nowIso();
		for (const publication of job.publications) publication.unpublishedOn ??= now;
		job.postingStatus = 'NOT_PUBLISHED';
		touch(job);
		res.status(204).end();
	});

	router.get('/jobs/:jobId/publication', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const activeOnly = queryString(req.query.activeOnly) !== 'false';
		res.json({
			content: job.publications.filter((publication) => !activeOnly || !publication.unpublishedOn),
		});
	});

	router.post('/jobs/:jobId/hiring-team', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const { id, role } = req.body as { id: string; role: string };
		if (!findUser(ctx, id))
			return sendError(res, 400, 'USER_NOT_FOUND', `User ${id} does not exist`);
		const team = (ctx.state.hiringTeams[job.id] ??= []);
		// ⚠ Documented as "User is already a member of the hiring team" without a code.
		if (team.some((member) => member.userId === id))
			return sendError(
				res,
				409,
				'HIRING_TEAM_MEMBER_ALREADY_EXISTS',
				`User ${id} is already a member of the hiring team`,
			);
		team.push({ userId: id, role });
		ctx.emit('job.hiring-team.updated', { id: job.id });
		res.json({ id, role, actions: { details: action(ctx, `/user-api/v201804/users/${id}`) } });
	});

	router.delete('/jobs/:jobId/hiring-team/:userId', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const team = ctx.state.hiringTeams[job.id] ?? [];
		const index = team.findIndex((member) => member.userId === req.params.userId);
		// ⚠ Documented as "User is not a member of the hiring team" without a code.
		if (index < 0)
			return sendError(
				res,
				404,
				'HIRING_TEAM_MEMBER_NOT_FOUND',
				`User ${req.params.userId} is not a member of the hiring team`,
			);
		if (team.length === 1)
			return sendError(
				res,
				400,
				'INVALID_HIRING_TEAM_STATE',
				'Each hiring team should have at least one member',
			);
		team.splice(index, 1);
		ctx.emit('job.hiring-team.updated', { id: job.id });
		res.status(204).end();
	});

	router.get('/jobs/:jobId/note', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		// ⚠ Documented as "Job note not found" without a code.
		if (job.note === undefined)
			return sendError(res, 404, 'JOB_NOTE_NOT_FOUND', `Job ${job.id} has no note`);
		res.json({ content: job.note });
	});

	router.put('/jobs/:jobId/note', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		job.note = (req.body as { content: string }).content;
		touch(job);
		res.json({ content: job.note });
	});

	positionRoutes(ctx, router, requireJob);
	return router;
}

/** `JobPosition` as the API sends it (without the simulator's assignment record). */
function presentPosition(position: SrPosition) {
	const { assignedCandidateId: _simulatorOnly, ...wire } = position;
	return wire;
}

function positionRoutes(
	ctx: SimContext,
	router: Router,
	requireJob: (req: Request, res: Response) => SrJob | undefined,
) {
	const requirePosition = (job: SrJob, req: Request, res: Response) => {
		const position = job.positions.find((candidate) => candidate.id === req.params.positionId);
		// ⚠ Documented as "Position not found" without a code.
		if (!position)
			sendError(
				res,
				404,
				'POSITION_NOT_FOUND',
				`Position ${req.params.positionId} not found in job ${job.id}`,
			);
		return position;
	};
	type PositionInput = Pick<
		SrPosition,
		'type' | 'positionOpenDate' | 'targetStartDate' | 'positionId' | 'incumbentName'
	>;
	const fromInput = (input: PositionInput) => ({
		type: input.type,
		positionOpenDate: input.positionOpenDate,
		targetStartDate: input.targetStartDate,
		...(input.positionId ? { positionId: input.positionId } : {}),
		...(input.incumbentName ? { incumbentName: input.incumbentName } : {}),
	});

	router.get('/jobs/:jobId/positions', (req, res) => {
		const job = requireJob(req, res);
		if (job)
			res.json({ totalFound: job.positions.length, content: job.positions.map(presentPosition) });
	});

	router.post('/jobs/:jobId/positions', (req, res) => {
		const job = requireJob(req, res);
		if (!job) return;
		const position: SrPosition = {
			id: newId(),
			status: 'OPEN',
			...fromInput(req.body as PositionInput),
		};
		job.positions.push(position);
		ctx.emit('position.created', { job_id: job.id, position_id: position.id });
		res.status(201).json(presentPosition(position));
	});

	router.get('/jobs/:jobId/positions/:positionId', (req, res) => {
		const job = requireJob(req, res);
		const position = job && requirePosition(job, req, res);
		if (position) res.json(presentPosition(position));
	});

	router.put('/jobs/:jobId/positions/:positionId', (req, res) => {
		const job = requireJob(req, res);
		const position = job && requirePosition(job, req, res);
		if (!job || !position) return;
		// A full replace: optional fields not sent are cleared.
		delete position.positionId;
		delete position.incumbentName;
		Object.assign(position, fromInput(req.body as PositionInput));
		ctx.emit('position.updated', { job_id: job.id, position_id: position.id });
		res.status(201).json(presentPosition(position));
	});

	router.delete('/jobs/:jobId/positions/:positionId', (req, res) => {
		const job = requireJob(req, res);
		const position = job && requirePosition(job, req, res);
		if (!job || !position) return;
		if (position.assignedCandidateId)
			return sendError(
				res,
				400,
				'POSITION_ASSIGNED',
				`Position ${position.id} has a candidate assigned and cannot be removed`,
			);
		job.positions = job.positions.filter((candidate) => candidate !== position);
		ctx.emit('position.deleted', { job_id: job.id, position_id: position.id });
		res.status(204).end();
	});
}
