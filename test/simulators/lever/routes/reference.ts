/** Account reference data: postings, stages, archive reasons, users, tags, sources. */
import { Router } from 'express';

import { requireConfidentialAccess, requirePermission } from '../auth';
import { badRequest } from '../errors';
import { wrap } from '../http';
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
import { canonicalEmail } from '../validate';

const POSTING_STATES: PostingState[] = ['published', 'internal', 'closed', 'draft', 'pending', 'rejected'];
const byPosition = <T extends { id: string }>(list: T[]) => ({ value: (item: T) => list.indexOf(item), id: (item: T) => item.id });
const byText = { value: () => 0, id: (item: { text: string }) => item.text };

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
				if (!POSTING_STATES.includes(value as PostingState)) throw badRequest(`Invalid value for state: ${value}. Expected one of ${POSTING_STATES.join(', ')}`);
			}
			const channels = many(q, 'distributionChannel');
			for (const value of channels) {
				if (value !== 'public' && value !== 'internal') throw badRequest(`Invalid value for distributionChannel: ${value}. Expected public or internal`);
			}
			const confidentiality = single(q, 'confidentiality') ?? 'non-confidential';
			if (!['non-confidential', 'confidential', 'all'].includes(confidentiality)) {
				throw badRequest('Invalid value for confidentiality: expected non-confidential, confidential or all');
			}
			if (confidentiality !== 'non-confidential') requireConfidentialAccess(principal);
			const categoryFilters = (['team', 'department', 'location', 'commitment', 'level'] as const).map((key) => ({ key, values: many(q, key) }));
			const tags = many(q, 'tag');
			const updatedStart = timestampParam(q, 'updated_at_start');
			const updatedEnd = timestampParam(q, 'updated_at_end');
			if ((updatedStart !== undefined || updatedEnd !== undefined) && Object.keys(q).some((key) => !['updated_at_start', 'updated_at_end', 'confidentiality', 'limit', 'offset', 'include', 'expand'].includes(key))) {
				throw badRequest('updated_at_start and updated_at_end may only be combined with confidentiality');
			}
			const matches = state.postings.filter((p) => {
				if (confidentiality !== 'all' && p.confidentiality !== confidentiality) return false;
				if (states.length && !states.includes(p.state)) return false;
				if (channels.length && !p.distributionChannels.some((channel) => channels.includes(channel))) return false;
				if (tags.length && !p.tags.some((tag) => tags.includes(tag))) return false;
				if (updatedStart !== undefined && p.updatedAt < updatedStart) return false;
				if (updatedEnd !== undefined && p.updatedAt > updatedEnd) return false;
				return categoryFilters.every(({ key, values }) => values.length === 0 || values.includes(p.categories[key] ?? ''));
			});
			const expanders = postingExpanders(ctx);
			res.json(paginate(req, ctx.cursors, matches, byCreatedAt<LeverPosting>(), (p) => shape(req, { ...p }, expanders)));
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
			res.json(paginate(req, ctx.cursors, state.stages, byPosition(state.stages), (stage) => ({ ...stage })));
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
			if (type !== undefined && type !== 'hired' && type !== 'non-hired') throw badRequest('Invalid value for type: expected hired or non-hired');
			const reasons = state.archiveReasons.filter((reason) => type === undefined || reason.type === type);
			res.json(paginate(req, ctx.cursors, reasons, byPosition(state.archiveReasons), (reason) => ({ ...reason })));
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
					(directoryIds.length === 0 || (user.externalDirectoryId !== null && directoryIds.includes(user.externalDirectoryId))),
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

	for (const kind of ['tags', 'sources'] as const) {
		router.get(
			`/${kind}`,
			wrap((req, res) => {
				requirePermission(principalOf(res), kind, 'read');
				const counted = state[kind].map((text) => ({
					text,
					count: state.opportunities.filter((opportunity) => opportunity[kind].includes(text)).length,
				}));
				res.json(paginate(req, ctx.cursors, counted, byText, (entry) => entry));
			}),
		);
	}

	return router;
}
