/** Jobs API (search with pageId/sort rules, details, hiring team) and Configuration API lookups (root base path). */
import express, { type Router } from 'express';

import {
	action,
	decodeCursor,
	encodeCursor,
	findJob,
	newId,
	presentJobDetails,
	presentJobSummary,
	queryInt,
	queryList,
	queryString,
	sendError,
	setNextLink,
	type SimContext,
} from '../context';

export function jobRoutes(ctx: SimContext): Router {
	const router = express.Router();

	router.get('/jobs', (req, res) => {
		const query = req.query;
		const limit = queryInt(query.limit, 10);
		const sort = queryString(query.sort) ?? 'default';
		const pageId = queryString(query.pageId);
		const scope = JSON.stringify(
			Object.entries(query)
				.filter(([name]) => !['pageId', 'limit', 'offset'].includes(name))
				.sort(([a], [b]) => a.localeCompare(b)),
		);
		let offset = queryInt(query.offset, 0);
		if (pageId !== undefined) {
			// ⚠ The docs: pageId paging works only with sort=job_id (with the default sort "might not return all results").
			// The simulator rejects the combination so clients cannot silently miss jobs.
			if (sort !== 'job_id')
				return sendError(res, 400, 'INVALID_PAGE_ID', 'pageId can only be used with sort=job_id');
			const decoded = decodeCursor(pageId, scope);
			if (decoded === undefined)
				return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
			offset = decoded;
		}
		const words = (queryString(query.q) ?? '').toLowerCase().split(/\s+/).filter(Boolean);
		const status = queryString(query.status);
		const postingStatus = queryString(query.postingStatus);
		const cities = queryList(query.city);
		const departments = queryList(query.department);
		const updatedAfter = queryString(query.updatedAfter);
		const lastActivityAfter = queryString(query.lastActivityAfter);
		const jobs = ctx.state.jobs.filter(
			(job) =>
				words.every((word) => job.title.toLowerCase().includes(word)) &&
				(!status || job.status === status) &&
				(!postingStatus || job.postingStatus === postingStatus) &&
				(!cities.length || cities.includes(job.location.city)) &&
				(!departments.length ||
					(job.department !== undefined && departments.includes(job.department.label))) &&
				(!updatedAfter || Date.parse(job.updatedOn) > Date.parse(updatedAfter)) &&
				(!lastActivityAfter || Date.parse(job.lastActivityOn) > Date.parse(lastActivityAfter)),
		);
		if (sort === 'job_id') jobs.sort((a, b) => a.id.localeCompare(b.id));
		else jobs.sort((a, b) => b.createdOn.localeCompare(a.createdOn) || a.id.localeCompare(b.id));
		const page = jobs.slice(offset, offset + limit);
		const nextOffset = offset + page.length;
		const nextPageId = nextOffset < jobs.length ? encodeCursor(nextOffset, scope) : undefined;
		if (nextPageId) setNextLink(ctx, req, res, 'pageId', nextPageId);
		res.json({
			limit,
			offset,
			...(nextPageId ? { nextPageId } : {}),
			totalFound: jobs.length,
			content: page.map((job) => presentJobSummary(ctx, job)),
		});
	});

	router.get('/jobs/:jobId', (req, res) => {
		const job = findJob(ctx, req.params.jobId);
		if (!job) return sendError(res, 404, 'JOB_NOT_FOUND', `Job ${req.params.jobId} not found`);
		res.json(presentJobDetails(ctx, job));
	});

	router.get('/jobs/:jobId/hiring-team', (req, res) => {
		if (!findJob(ctx, req.params.jobId))
			return sendError(res, 404, 'JOB_NOT_FOUND', `Job ${req.params.jobId} not found`);
		const members = ctx.state.hiringTeams[req.params.jobId] ?? [];
		res.json({
			totalFound: members.length,
			content: members.map((member) => ({
				id: member.userId,
				role: member.role,
				actions: { details: action(ctx, `/user-api/v201804/users/${member.userId}`) },
			})),
		});
	});

	return router;
}

export function configurationRoutes(ctx: SimContext): Router {
	const router = express.Router();
	const config = () => ctx.state.config;

	router.get('/configuration/sources', (_req, res) => {
		const types = config().sourceTypes;
		res.json({
			totalFound: types.length,
			content: types.map((type) => ({
				id: type.id,
				label: type.label,
				subtypes: type.subtypes.map((id) => ({ id })),
				actions: { values: action(ctx, `/configuration/sources/${type.id}/values`) },
			})),
		});
	});

	const presentSource = (value: (typeof ctx.state.config.sourceValues)[number]) => ({
		id: value.id,
		label: value.label,
		sourceSubType: { id: value.sourceSubTypeId },
		actions: {
			sourceDetails: action(ctx, `/configuration/sources/${value.sourceTypeId}/values/${value.id}`),
		},
	});

	router.get('/configuration/sources/:sourceType/values', (req, res) => {
		const type = config().sourceTypes.find((candidate) => candidate.id === req.params.sourceType);
		if (!type)
			return sendError(
				res,
				404,
				'SOURCE_TYPE_NOT_FOUND',
				`Source type "${req.params.sourceType}" not found`,
			);
		const subType = queryString(req.query.sourceSubType);
		if (subType !== undefined && !type.subtypes.includes(subType)) {
			return sendError(
				res,
				400,
				'SOURCE_TYPE_AND_SUBTYPE_INVALID',
				`"${subType}" is not a subtype of "${type.id}"`,
			);
		}
		const limit = queryInt(req.query.limit, 100);
		const offset = queryInt(req.query.offset, 0);
		const values = config().sourceValues.filter(
			(value) => value.sourceTypeId === type.id && (!subType || value.sourceSubTypeId === subType),
		);
		res.json({
			totalFound: values.length,
			limit,
			offset,
			content: values.slice(offset, offset + limit).map(presentSource),
		});
	});

	router.get('/configuration/sources/:sourceType/values/:sourceValueId', (req, res) => {
		const value = config().sourceValues.find(
			(candidate) =>
				candidate.sourceTypeId === req.params.sourceType &&
				candidate.id === req.params.sourceValueId,
		);
		if (!value)
			return sendError(
				res,
				404,
				'SOURCE_NOT_FOUND',
				`Source "${req.params.sourceValueId}" not found in "${req.params.sourceType}"`,
			);
		res.json(presentSource(value));
	});

	const presentProperty = (definition: (typeof ctx.state.config.candidateProperties)[number]) => ({
		id: definition.id,
		label: definition.label,
		type: definition.type,
		availability: { toUsers: 'ALL', context: definition.context },
		actions: {
			...(definition.type === 'SINGLE_SELECT'
				? { values: action(ctx, `/configuration/candidate-properties/${definition.id}/values`) }
				: {}),
		},
	});

	router.get('/configuration/candidate-properties', (_req, res) => {
		const definitions = config().candidateProperties;
		res.json({ totalFound: definitions.length, content: definitions.map(presentProperty) });
	});

	router.get('/configuration/candidate-properties/:id', (req, res) => {
		const definition = config().candidateProperties.find(
			(candidate) => candidate.id === req.params.id,
		);
		if (!definition)
			return sendError(
				res,
				404,
				'PROPERTY_NOT_FOUND',
				`Candidate property ${req.params.id} not found`,
			);
		res.json(presentProperty(definition));
	});

	router.get('/configuration/candidate-properties/:id/values', (req, res) => {
		const definition = config().candidateProperties.find(
			(candidate) => candidate.id === req.params.id,
		);
		if (!definition)
			return sendError(
				res,
				404,
				'PROPERTY_NOT_FOUND',
				`Candidate property ${req.params.id} not found`,
			);
		if (definition.type !== 'SINGLE_SELECT') {
			return sendError(
				res,
				400,
				'CANDIDATE_PROPERTY_NOT_SINGLE_SELECT',
				`Candidate property "${definition.label}" is ${definition.type}, not SINGLE_SELECT`,
			);
		}
		const values = definition.values ?? [];
		res.json({ totalFound: values.length, content: values });
	});

	const presentProcess = (process: (typeof ctx.state.config.hiringProcesses)[number]) => ({
		id: process.id,
		name: process.name,
		active: process.active,
		subStatuses: process.subStatuses,
	});

	router.get('/configuration/hiring-processes', (_req, res) => {
		const processes = config().hiringProcesses;
		res.json({ totalFound: processes.length, content: processes.map(presentProcess) });
	});

	router.get('/configuration/hiring-processes/:id', (req, res) => {
		const process = config().hiringProcesses.find((candidate) => candidate.id === req.params.id);
		if (!process)
			return sendError(
				res,
				404,
				'HIRING_PROCESS_NOT_FOUND',
				`Hiring process ${req.params.id} not found`,
			);
		res.json(presentProcess(process));
	});

	router.get('/configuration/offer-properties', (_req, res) => {
		res.json({ categories: config().offerProperties });
	});

	router.get('/configuration/rejection-reasons', (_req, res) => {
		res.json({ totalFound: config().rejectionReasons.length, content: config().rejectionReasons });
	});

	router.get('/configuration/withdrawal-reasons', (_req, res) => {
		res.json({
			totalFound: config().withdrawalReasons.length,
			content: config().withdrawalReasons,
		});
	});

	router.get('/configuration/company', (_req, res) => {
		res.json(config().company);
	});

	router.get('/configuration/departments', (_req, res) => {
		res.json({ totalFound: config().departments.length, content: config().departments });
	});

	router.post('/configuration/departments', (req, res) => {
		const { label, description } = req.body as { label: string; description?: string };
		// ⚠ Whether the uniqueness check ignores case is not documented; the simulator compares case-insensitively.
		if (
			config().departments.some(
				(department) => department.label.toLowerCase() === label.toLowerCase(),
			)
		) {
			return sendError(
				res,
				400,
				'DEPARTMENT_LABEL_NOT_UNIQUE',
				`A department named "${label}" already exists`,
			);
		}
		const department = { id: newId(), label, ...(description ? { description } : {}) };
		config().departments.push(department);
		res.status(201).json(department);
	});

	router.get('/configuration/departments/:id', (req, res) => {
		const department = config().departments.find((candidate) => candidate.id === req.params.id);
		// ⚠ Documented as "Department not found" without a code.
		if (!department)
			return sendError(res, 404, 'DEPARTMENT_NOT_FOUND', `Department ${req.params.id} not found`);
		res.json(department);
	});

	const presentJobProperty = (property: (typeof ctx.state.config.jobProperties)[number]) => ({
		id: property.id,
		label: property.label,
		category: property.category,
		active: property.active,
		visible: property.visible,
		required: property.required,
		actions: { values: action(ctx, `/configuration/job-properties/${property.id}/values`) },
	});
	const requireJobProperty = (id: string, res: express.Response) => {
		const property = config().jobProperties.find((candidate) => candidate.id === id);
		// ⚠ Documented as "Job property not found" without a code.
		if (!property) sendError(res, 404, 'JOB_PROPERTY_NOT_FOUND', `Job property ${id} not found`);
		return property;
	};

	router.get('/configuration/job-properties', (_req, res) => {
		res.json({
			totalFound: config().jobProperties.length,
			content: config().jobProperties.map(presentJobProperty),
		});
	});

	router.get('/configuration/job-properties/:id', (req, res) => {
		const property = requireJobProperty(req.params.id, res);
		if (property) res.json(presentJobProperty(property));
	});

	router.get('/configuration/job-properties/:id/values', (req, res) => {
		const property = requireJobProperty(req.params.id, res);
		if (!property) return;
		// ⚠ The default page size is not documented; 100 here.
		const pageSize = queryInt(req.query.pageSize, 100);
		const pageId = queryString(req.query.pageId);
		const scope = property.id;
		let offset = 0;
		if (pageId !== undefined) {
			const decoded = decodeCursor(pageId, scope);
			if (decoded === undefined)
				return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
			offset = decoded;
		}
		const page = property.values.slice(offset, offset + pageSize);
		const next = offset + page.length;
		res.json({
			totalFound: property.values.length,
			...(next < property.values.length ? { nextPageId: encodeCursor(next, scope) } : {}),
			content: page,
		});
	});

	return router;
}
