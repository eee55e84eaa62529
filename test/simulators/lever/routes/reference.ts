/** Account reference data: postings, stages, archive reasons, users, tags, sources. */
import { randomUUID } from 'node:crypto';

import { Router } from 'express';

import { requireConfidentialAccess, requirePermission } from '../auth';
import { badRequest } from '../errors';
import { performAs, wrap } from '../http';
import { booleanParam, many, paginate, shape, single, timestampParam } from '../listing';
import {
	findArchiveReason,
	findPosting,
	findStage,
	findUser,
	postingExpanders,
	principalOf,
	renderUser,
	byCreatedAt,
	type SimContext,
} from '../model';
import type { LeverPosting, LeverUser, PostingState } from '../types';
import {
	canonicalEmail,
	isEmail,
	objectBody,
	optionalString,
	optionalStringArray,
	requiredString,
	type Body,
} from '../validate';

const POSTING_STATES: PostingState[] = [
	'published',
	'internal',
	'closed',
	'draft',
	'pending',
	'rejected',
];
const byPosition = <T extends { id: string }>(list: T[]) => ({
	value: (item: T) => list.indexOf(item),
	id: (item: T) => item.id,
});
const byText = { value: () => 0, id: (item: { text: string }) => item.text };
const ACCESS_ROLES = ['super admin', 'admin', 'team member', 'limited team member', 'interviewer'];
const WORKPLACE_TYPES = ['onsite', 'remote', 'hybrid', 'unspecified'];
const SALARY_INTERVALS = [
	'per-year-salary',
	'per-month-salary',
	'semi-month-salary',
	'bi-month-salary',
	'bi-week-salary',
	'per-week-salary',
	'per-day-wage',
	'per-hour-wage',
	'one-time',
];
/** Lever's allow-list for posting content HTML (lever.md §3.9). */
const ALLOWED_HTML_TAGS = new Set([
	'div',
	'p',
	'span',
	'br',
	'b',
	'i',
	's',
	'u',
	'a',
	'ul',
	'ol',
	'li',
]);

function checkedHtml(value: unknown, path: string): string {
	if (typeof value !== 'string')
		throw badRequest(`Invalid value for field "${path}": expected a string of HTML`);
	for (const [, tag] of value.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)) {
		if (!ALLOWED_HTML_TAGS.has(tag.toLowerCase()))
			throw badRequest(`Invalid value for field "${path}": the tag <${tag}> is not allowed`);
	}
	return value;
}

const plainText = (html: string) =>
	html
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

export function referenceRoutes(ctx: SimContext): Router {
	const router = Router();
	const { state } = ctx;

	router.get(
		'/postings',
		wrap((req, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'postings', 'read');
			const q = req.query;
			const states = many(q, 'state');
			for (const value of states) {
				if (!POSTING_STATES.includes(value as PostingState))
					throw badRequest(
						`Invalid value for state: ${value}. Expected one of ${POSTING_STATES.join(', ')}`,
					);
			}
			const channels = many(q, 'distributionChannel');
			for (const value of channels) {
				if (value !== 'public' && value !== 'internal')
					throw badRequest(
						`Invalid value for distributionChannel: ${value}. Expected public or internal`,
					);
			}
			const confidentiality = single(q, 'confidentiality') ?? 'non-confidential';
			if (!['non-confidential', 'confidential', 'all'].includes(confidentiality)) {
				throw badRequest(
					'Invalid value for confidentiality: expected non-confidential, confidential or all',
				);
			}
			if (confidentiality !== 'non-confidential') requireConfidentialAccess(principal);
			const categoryFilters = (
				['team', 'department', 'location', 'commitment', 'level'] as const
			).map((key) => ({ key, values: many(q, key) }));
			const tags = many(q, 'tag');
			const updatedStart = timestampParam(q, 'updated_at_start');
			const updatedEnd = timestampParam(q, 'updated_at_end');
			if (
				(updatedStart !== undefined || updatedEnd !== undefined) &&
				Object.keys(q).some(
					(key) =>
						![
							'updated_at_start',
							'updated_at_end',
							'confidentiality',
							'limit',
							'offset',
							'include',
							'expand',
						].includes(key),
				)
			) {
				throw badRequest(
					'updated_at_start and updated_at_end may only be combined with confidentiality',
				);
			}
			const matches = state.postings.filter((p) => {
				if (confidentiality !== 'all' && p.confidentiality !== confidentiality) return false;
				if (states.length && !states.includes(p.state)) return false;
				if (
					channels.length &&
					!p.distributionChannels.some((channel) => channels.includes(channel))
				)
					return false;
				if (tags.length && !p.tags.some((tag) => tags.includes(tag))) return false;
				if (updatedStart !== undefined && p.updatedAt < updatedStart) return false;
				if (updatedEnd !== undefined && p.updatedAt > updatedEnd) return false;
				return categoryFilters.every(
					({ key, values }) => values.length === 0 || values.includes(p.categories[key] ?? ''),
				);
			});
			const expanders = postingExpanders(ctx);
			res.json(
				paginate(req, ctx.cursors, matches, byCreatedAt<LeverPosting>(), (p) =>
					shape(req, { ...p }, expanders),
				),
			);
		}),
	);

	router.get(
		'/postings/:id',
		wrap((req, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'postings', 'read');
			const posting = findPosting(ctx, req.params.id);
			if (posting.confidentiality === 'confidential') requireConfidentialAccess(principal);
			res.json({ data: shape(req, { ...posting }, postingExpanders(ctx)) });
		}),
	);

	router.get(
		'/stages',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'stages', 'read');
			res.json(
				paginate(req, ctx.cursors, state.stages, byPosition(state.stages), (stage) => ({
					...stage,
				})),
			);
		}),
	);
	router.get(
		'/stages/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'stages', 'read');
			res.json({ data: { ...findStage(ctx, req.params.id) } });
		}),
	);

	router.get(
		'/archive_reasons',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'archive_reasons', 'read');
			const type = single(req.query, 'type');
			if (type !== undefined && type !== 'hired' && type !== 'non-hired')
				throw badRequest('Invalid value for type: expected hired or non-hired');
			const reasons = state.archiveReasons.filter(
				(reason) => type === undefined || reason.type === type,
			);
			res.json(
				paginate(req, ctx.cursors, reasons, byPosition(state.archiveReasons), (reason) => ({
					...reason,
				})),
			);
		}),
	);
	router.get(
		'/archive_reasons/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'archive_reasons', 'read');
			res.json({ data: { ...findArchiveReason(ctx, req.params.id) } });
		}),
	);

	router.get(
		'/users',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'users', 'read');
			const emails = many(req.query, 'email').map(canonicalEmail);
			const roles = many(req.query, 'accessRole');
			const directoryIds = many(req.query, 'external_directory_id');
			const includeDeactivated = booleanParam(req.query, 'includeDeactivated') ?? false;
			const users = state.users.filter(
				(user) =>
					(includeDeactivated || user.deactivatedAt === null) &&
					(emails.length === 0 || emails.includes(canonicalEmail(user.email))) &&
					(roles.length === 0 || roles.includes(user.accessRole)) &&
					(directoryIds.length === 0 ||
						(user.externalDirectoryId !== null && directoryIds.includes(user.externalDirectoryId))),
			);
			res.json(paginate(req, ctx.cursors, users, byCreatedAt<LeverUser>(), renderUser));
		}),
	);
	router.get(
		'/users/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'users', 'read');
			res.json({ data: renderUser(findUser(ctx, req.params.id)) });
		}),
	);

	/** Posting fields of a create (all) or an update (those sent). */
	const postingChanges = (body: Body, current?: LeverPosting): Partial<LeverPosting> => {
		const changes: Partial<LeverPosting> = {};
		const text = current ? optionalString(body, 'text') : requiredString(body, 'text');
		if (text !== undefined) {
			if (text.trim() === '') throw badRequest('Invalid value for field "text": must not be empty');
			changes.text = text;
		}
		if (body.confidentiality === 'confidential')
			throw badRequest(
				'Invalid value for field "confidentiality": confidential postings cannot be created or changed through the API',
			);
		const state = optionalString(body, 'state');
		if (state !== undefined) {
			if (!POSTING_STATES.includes(state as PostingState))
				throw badRequest(
					`Invalid value for field "state": expected one of ${POSTING_STATES.join(', ')}`,
				);
			changes.state = state as PostingState;
		}
		for (const field of ['owner', 'hiringManager'] as const) {
			const id = optionalString(body, field);
			if (id !== undefined) changes[field] = findUser(ctx, id).id;
		}
		const workplaceType = optionalString(body, 'workplaceType');
		if (workplaceType !== undefined) {
			if (!WORKPLACE_TYPES.includes(workplaceType))
				throw badRequest(
					`Invalid value for field "workplaceType": expected one of ${WORKPLACE_TYPES.join(', ')}`,
				);
			changes.workplaceType = workplaceType as LeverPosting['workplaceType'];
		}
		const tags = optionalStringArray(body, 'tags');
		if (tags !== undefined) changes.tags = tags;
		const codes = optionalStringArray(body, 'requisitionCodes');
		if (codes !== undefined) changes.requisitionCodes = codes;
		const channels = optionalStringArray(body, 'distributionChannels');
		if (channels !== undefined) {
			if (channels.some((channel) => channel !== 'public' && channel !== 'internal'))
				throw badRequest(
					'Invalid value for field "distributionChannels": expected public and/or internal',
				);
			changes.distributionChannels = channels as LeverPosting['distributionChannels'];
		}
		if (body.categories !== undefined) {
			const categories = objectBody(body.categories);
			const read = (key: string) => optionalString(categories, key);
			const location = read('location') ?? '';
			changes.categories = {
				team: read('team') ?? '',
				department: read('department') ?? '',
				location,
				allLocations: location ? [location] : [],
				commitment: read('commitment') ?? '',
				level: read('level'),
			};
		}
		if (body.content !== undefined) {
			const content = objectBody(body.content);
			// ⚠ The docs name the closing text closingPostingHtml on writes and closingHtml on reads; both are taken.
			const closing = content.closingPostingHtml ?? content.closingHtml;
			const lists = content.lists === undefined ? [] : (content.lists as unknown[]);
			if (!Array.isArray(lists))
				throw badRequest(
					'Invalid value for field "content.lists": expected an array of {text, content}',
				);
			const descriptionHtml =
				content.descriptionHtml === undefined
					? ''
					: checkedHtml(content.descriptionHtml, 'content.descriptionHtml');
			const closingHtml =
				closing === undefined ? '' : checkedHtml(closing, 'content.closingPostingHtml');
			changes.content = {
				description: plainText(descriptionHtml),
				descriptionHtml,
				lists: lists.map((list, index) => ({
					text: requiredString(objectBody(list), 'text'),
					content: checkedHtml((list as Body).content ?? '', `content.lists[${index}].content`),
				})),
				closing: plainText(closingHtml),
				closingHtml,
			};
		}
		if (body.salaryRange !== undefined && body.salaryRange !== null) {
			const { min, max, currency, interval } = objectBody(body.salaryRange);
			if (typeof min !== 'number' || typeof max !== 'number' || min > max)
				throw badRequest(
					'Invalid value for field "salaryRange": min and max must be numbers, min not above max',
				);
			if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
				throw badRequest(
					'Invalid value for field "salaryRange.currency": expected a currency code such as USD',
				);
			if (typeof interval !== 'string' || !SALARY_INTERVALS.includes(interval))
				throw badRequest(
					`Invalid value for field "salaryRange.interval": expected one of ${SALARY_INTERVALS.join(', ')}`,
				);
			changes.salaryRange = { min, max, currency, interval };
		}
		const salaryHtml = body.salaryDescriptionHtml;
		if (salaryHtml !== undefined) {
			changes.salaryDescriptionHtml = checkedHtml(salaryHtml, 'salaryDescriptionHtml');
			changes.salaryDescription = plainText(changes.salaryDescriptionHtml);
		}
		return changes;
	};

	// Lever: perform_as is required to create or update a posting; new postings are drafts; update is a POST.
	router.post(
		'/postings',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'postings', 'write');
			const performer = performAs(ctx, req, true)!;
			const now = ctx.now();
			const id = randomUUID();
			const url = `https://jobs.lever.co/acme/${id}`;
			const posting: LeverPosting = {
				id,
				text: '',
				createdAt: now,
				updatedAt: now,
				user: performer,
				owner: performer,
				hiringManager: null,
				confidentiality: 'non-confidential',
				categories: { team: '', department: '', location: '', allLocations: [], commitment: '' },
				tags: [],
				content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
				country: '',
				followers: [performer],
				state: 'draft',
				distributionChannels: [],
				reqCode: null,
				requisitionCodes: [],
				salaryDescription: '',
				salaryDescriptionHtml: '',
				salaryRange: null,
				urls: { list: 'https://jobs.lever.co/acme', show: url, apply: `${url}/apply` },
				workplaceType: 'unspecified',
				...postingChanges(objectBody(req.body)),
			};
			state.postings.push(posting);
			state.tags.push(...posting.tags.filter((tag) => !state.tags.includes(tag)));
			res.status(201).json({ data: shape(req, { ...posting }, postingExpanders(ctx)) });
		}),
	);
	router.post(
		'/postings/:id',
		wrap((req, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'postings', 'write');
			performAs(ctx, req, true);
			const posting = findPosting(ctx, req.params.id);
			if (posting.confidentiality === 'confidential') requireConfidentialAccess(principal);
			Object.assign(posting, postingChanges(objectBody(req.body), posting), {
				updatedAt: ctx.now(),
			});
			res.json({ data: shape(req, { ...posting }, postingExpanders(ctx)) });
		}),
	);

	/** A user create or full replace: name and email required, an email belongs to one user (⚠ 400 otherwise). */
	const userFields = (body: Body, current?: LeverUser) => {
		const name = requiredString(body, 'name');
		const email = requiredString(body, 'email');
		if (!isEmail(email))
			throw badRequest('Invalid value for field "email": Email address is not valid');
		if (
			state.users.some(
				(user) => user.id !== current?.id && canonicalEmail(user.email) === canonicalEmail(email),
			)
		) {
			throw badRequest(
				`Invalid value for field "email": a user with email ${email} already exists`,
			);
		}
		const accessRole = current
			? requiredString(body, 'accessRole')
			: (optionalString(body, 'accessRole') ?? 'interviewer');
		if (!ACCESS_ROLES.includes(accessRole))
			throw badRequest(
				`Invalid value for field "accessRole": expected one of ${ACCESS_ROLES.join(', ')}`,
			);
		const managerId = optionalString(body, 'managerId');
		return {
			name,
			email,
			accessRole,
			externalDirectoryId: optionalString(body, 'externalDirectoryId') ?? null,
			jobTitle: optionalString(body, 'jobTitle') ?? null,
			managerId: managerId ? findUser(ctx, managerId).id : null,
		};
	};
	// Recorded: 201 with the user; Lever sends no invitation.
	router.post(
		'/users',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'users', 'write');
			const fields = userFields(objectBody(req.body));
			const user: LeverUser = {
				id: randomUUID(),
				username: fields.email.split('@')[0],
				createdAt: ctx.now(),
				deactivatedAt: null,
				photo: null,
				linkedContactIds: null,
				...fields,
			};
			state.users.push(user);
			res.status(201).json({ data: renderUser(user) });
		}),
	);
	router.put(
		'/users/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'users', 'write');
			const user = findUser(ctx, req.params.id);
			Object.assign(user, userFields(objectBody(req.body), user));
			res.json({ data: renderUser(user) });
		}),
	);
	// Recorded: 200 with the user. ⚠ Deactivating a deactivated user (or reactivating an active one) is not documented: it changes nothing here.
	for (const change of ['deactivate', 'reactivate'] as const) {
		router.post(
			`/users/:id/${change}`,
			wrap((req, res) => {
				requirePermission(principalOf(res), 'users', 'write');
				const user = findUser(ctx, req.params.id);
				if (change === 'deactivate') user.deactivatedAt ??= ctx.now();
				else user.deactivatedAt = null;
				res.json({ data: renderUser(user) });
			}),
		);
	}

	for (const kind of ['tags', 'sources'] as const) {
		router.get(
			`/${kind}`,
			wrap((req, res) => {
				requirePermission(principalOf(res), kind, 'read');
				const counted = state[kind].map((text) => ({
					text,
					count: state.opportunities.filter((opportunity) => opportunity[kind].includes(text))
						.length,
				}));
				res.json(paginate(req, ctx.cursors, counted, byText, (entry) => entry));
			}),
		);
	}

	return router;
}
