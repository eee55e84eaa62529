/** Opportunities, their applications, and contacts. */
import { randomUUID } from 'node:crypto';

import { Router, type Request, type Response } from 'express';
import type multer from 'multer';

import { requireConfidentialAccess, requirePermission } from '../auth';
import { badRequest, forbidden, notFound } from '../errors';
import { multipartWhenSent, performAs, uploadedFiles, wrap } from '../http';
import { booleanParam, many, paginate, shape, single, timestampParam } from '../listing';
import {
	applicationExpanders,
	byCreatedAt,
	findArchiveReason,
	findContact,
	findOpportunity,
	findPosting,
	findStage,
	findUser,
	opportunityExpanders,
	principalOf,
	renderApplication,
	renderContact,
	renderOpportunity,
	stageIndex,
	type SimContext,
} from '../model';
import { postingDerivedTags } from '../seed';
import {
	ORIGINS,
	type LeverContact,
	type LeverOpportunity,
	type Origin,
	type Phone,
} from '../types';
import {
	canonicalEmail,
	isEmail,
	objectBody,
	optionalPastTimestamp,
	optionalString,
	optionalStringArray,
	requiredString,
	requiredStringArray,
	unique,
	type Body,
} from '../validate';
import { storeResume, storeFile } from './activity';

const PHONE_TYPES = ['mobile', 'home', 'work', 'skype', 'other'];
const ARRAY_FIELDS = ['emails', 'phones', 'links', 'tags', 'sources', 'followers', 'postings'];

/**
 * Multipart sends one field per array element (`emails[]`), nested values as `archived[reason]` and
 * `phones[0][value]` / `phones[0][type]` (Lever's docs), and everything as text. Normalise to the JSON shape so both
 * encodings share one validation path.
 */
function normaliseMultipart(fields: Body): Body {
	const body: Body = { ...fields };
	for (const field of ARRAY_FIELDS) {
		if (typeof body[field] === 'string') body[field] = [body[field]];
	}
	// ⚠ A phone as one text element (`phones[]={"value":…}`, seen in third-party code) is not the documented form.
	if (Array.isArray(body.phones) && body.phones.some((phone) => typeof phone === 'string')) {
		throw badRequest(
			'Invalid value for field "phones": send each phone as phones[N][value] and phones[N][type], not as one text element',
		);
	}
	const toNumber = (value: unknown) =>
		typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (body.createdAt !== undefined) body.createdAt = toNumber(body.createdAt);
	if (body.archived && typeof body.archived === 'object') {
		const archived = { ...(body.archived as Body) };
		if (archived.archivedAt !== undefined) archived.archivedAt = toNumber(archived.archivedAt);
		body.archived = archived;
	}
	return body;
}

function phonesField(body: Body): Phone[] | undefined {
	const value = body.phones;
	if (value === undefined) return undefined;
	const valid =
		Array.isArray(value) &&
		value.every(
			(phone) =>
				phone !== null &&
				typeof phone === 'object' &&
				typeof (phone as Body).value === 'string' &&
				((phone as Body).type === undefined ||
					PHONE_TYPES.includes((phone as Body).type as string)),
		);
	if (!valid) {
		throw badRequest(
			`Invalid value for field "phones": expected an array of {value, type} with type one of ${PHONE_TYPES.join(', ')}`,
		);
	}
	// ⚠ A phone sent without a type is kept without one: what Lever stores then is undocumented.
	return (value as Phone[]).map((phone) =>
		phone.type === undefined ? { value: phone.value } : { type: phone.type, value: phone.value },
	);
}

function emailsField(body: Body): string[] | undefined {
	const emails = optionalStringArray(body, 'emails');
	emails?.forEach((email, index) => {
		if (!isEmail(email))
			throw badRequest(
				`Invalid value for field "emails[${index}]": "${email}" is not a valid email address`,
			);
	});
	return emails;
}

function emailMatches(contact: LeverContact, wanted: Set<string>): boolean {
	return contact.emails.some((email) => wanted.has(canonicalEmail(email)));
}

function addKnown(list: string[], values: string[]) {
	for (const value of values) if (!list.includes(value)) list.push(value);
}

export function opportunityRoutes(ctx: SimContext, upload: multer.Multer): Router {
	const router = Router();
	const { state } = ctx;

	const respondWith = (
		req: Request,
		res: Response,
		opportunity: LeverOpportunity,
		status = 200,
	) => {
		res
			.status(status)
			.json({ data: shape(req, renderOpportunity(ctx, opportunity), opportunityExpanders(ctx)) });
	};

	router.get(
		'/opportunities',
		wrap((req, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'opportunities', 'read');
			const q = req.query;
			const confidentiality = single(q, 'confidentiality') ?? 'non-confidential';
			if (!['non-confidential', 'confidential', 'all'].includes(confidentiality)) {
				throw badRequest(
					'Invalid value for confidentiality: expected non-confidential, confidential or all',
				);
			}
			if (confidentiality !== 'non-confidential') requireConfidentialAccess(principal);

			const emails = many(q, 'email');
			for (const email of emails)
				if (!isEmail(email)) throw badRequest('Email address is not valid');
			const wantedEmails = new Set(emails.map(canonicalEmail));
			const postingIds = many(q, 'posting_id');
			const archivedPostingIds = many(q, 'archived_posting_id');
			const stageIds = many(q, 'stage_id');
			const tags = many(q, 'tag');
			const sources = many(q, 'source');
			const origins = many(q, 'origin');
			const contactIds = many(q, 'contact_id');
			const reasonIds = many(q, 'archive_reason_id');
			const locations = many(q, 'location');
			const archived = booleanParam(q, 'archived');
			const snoozed = booleanParam(q, 'snoozed');
			const ranges: Array<[string, (o: LeverOpportunity) => number | null]> = [
				['created_at', (o) => o.createdAt],
				['updated_at', (o) => o.updatedAt],
				['advanced_at', (o) => o.lastAdvancedAt],
				['archived_at', (o) => o.archived?.archivedAt ?? null],
			];
			const rangeFilters = ranges.map(([name, read]) => ({
				read,
				start: timestampParam(q, `${name}_start`),
				end: timestampParam(q, `${name}_end`),
			}));
			const postingsOf = (o: LeverOpportunity) =>
				o.applications.map(
					(id) => state.applications.find((application) => application.id === id)?.posting,
				);

			const matches = state.opportunities.filter((o) => {
				if (confidentiality !== 'all' && o.confidentiality !== confidentiality) return false;
				if (wantedEmails.size && !emailMatches(findContact(ctx, o.contact), wantedEmails))
					return false;
				if (postingIds.length && !postingsOf(o).some((id) => id && postingIds.includes(id)))
					return false;
				if (
					archivedPostingIds.length &&
					!(o.archived && postingsOf(o).some((id) => id && archivedPostingIds.includes(id)))
				)
					return false;
				if (stageIds.length && !stageIds.includes(o.stage)) return false;
				if (tags.length && !o.tags.some((tag) => tags.includes(tag))) return false;
				if (sources.length && !o.sources.some((source) => sources.includes(source))) return false;
				if (origins.length && !origins.includes(o.origin)) return false;
				if (contactIds.length && !contactIds.includes(o.contact)) return false;
				if (reasonIds.length && !(o.archived && reasonIds.includes(o.archived.reason)))
					return false;
				if (
					locations.length &&
					!(o.opportunityLocation && locations.includes(o.opportunityLocation))
				)
					return false;
				if (archived !== undefined && (o.archived !== null) !== archived) return false;
				if (
					snoozed !== undefined &&
					(o.snoozedUntil !== null && o.snoozedUntil > ctx.now()) !== snoozed
				)
					return false;
				return rangeFilters.every(({ read, start, end }) => {
					if (start === undefined && end === undefined) return true;
					const value = read(o);
					// Never-updated legacy records carry updatedAt null and fall out of updated_at windows, as in Lever.
					if (value === null) return false;
					return (start === undefined || value >= start) && (end === undefined || value <= end);
				});
			});
			const expanders = opportunityExpanders(ctx);
			res.json(
				paginate(req, ctx.cursors, matches, byCreatedAt<LeverOpportunity>(), (o) =>
					shape(req, renderOpportunity(ctx, o), expanders),
				),
			);
		}),
	);

	router.get(
		'/opportunities/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'opportunities', 'read');
			respondWith(req, res, findOpportunity(ctx, res, req.params.id));
		}),
	);

	router.post(
		'/opportunities',
		multipartWhenSent(upload),
		wrap((req, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'opportunities', 'write');
			const multipart = Boolean(req.is('multipart/form-data'));
			const hasBody =
				req.headers['transfer-encoding'] !== undefined ||
				(req.headers['content-length'] ?? '0') !== '0';
			if (hasBody && !multipart && !req.is('application/json')) {
				throw badRequest(
					'Content-Type must be application/json, or multipart/form-data when files are attached',
				);
			}
			const performer = performAs(ctx, req, true)!;
			const body = multipart ? normaliseMultipart(objectBody(req.body)) : objectBody(req.body);
			const now = ctx.now();

			const name = optionalString(body, 'name');
			const headline = optionalString(body, 'headline');
			const location = optionalString(body, 'location');
			const opportunityLocation = optionalString(body, 'opportunityLocation');
			const stageId = optionalString(body, 'stage');
			const originValue = optionalString(body, 'origin');
			const ownerId = optionalString(body, 'owner');
			const contactId = optionalString(body, 'contact');
			const emails = emailsField(body) ?? [];
			const phones = phonesField(body) ?? [];
			const links = optionalStringArray(body, 'links') ?? [];
			const tags = optionalStringArray(body, 'tags') ?? [];
			const sources = optionalStringArray(body, 'sources') ?? [];
			const followers = optionalStringArray(body, 'followers') ?? [];
			const postingIds = optionalStringArray(body, 'postings') ?? [];
			const createdAt = optionalPastTimestamp(body, 'createdAt', now);
			if (originValue !== undefined && !ORIGINS.includes(originValue as Origin)) {
				throw badRequest(`Invalid value for field "origin": expected one of ${ORIGINS.join(', ')}`);
			}
			// Lever docs: "Specifying multiple posting UIDs … will result in a rejected request" (status unverified; 400).
			if (postingIds.length > 1) {
				throw badRequest(
					'Only one posting may be specified per opportunity; send one request per posting',
				);
			}
			let archived: { reason: string; archivedAt: number } | null = null;
			if (body.archived !== undefined && body.archived !== null) {
				if (typeof body.archived !== 'object' || Array.isArray(body.archived)) {
					throw badRequest(
						'Invalid value for field "archived": expected an object {reason, archivedAt}',
					);
				}
				const archivedBody = body.archived as Body;
				const reason = requiredString(archivedBody, 'reason');
				const archivedAt = optionalPastTimestamp(archivedBody, 'archivedAt', now);
				if (archivedAt !== undefined && (createdAt ?? now) >= archivedAt) {
					throw badRequest(
						'Invalid value for field "archived.archivedAt": createdAt must be earlier than archivedAt',
					);
				}
				findArchiveReason(ctx, reason);
				archived = { reason, archivedAt: archivedAt ?? now };
			}

			// References in the body answer 404 in Lever's "<collection> <id> was not found" form (like its stage error).
			const posting = postingIds.length ? findPosting(ctx, postingIds[0]) : undefined;
			if (posting?.confidentiality === 'confidential') requireConfidentialAccess(principal);
			const stage = findStage(ctx, stageId ?? 'lead-new');
			if (ownerId !== undefined) findUser(ctx, ownerId);
			followers.forEach((id) => findUser(ctx, id));
			const files = uploadedFiles(req);
			const unexpected = files.find(
				(file) => !['resumeFile', 'files', 'files[]'].includes(file.fieldname),
			);
			if (unexpected)
				throw badRequest(
					`Unexpected file field "${unexpected.fieldname}": use resumeFile or files[]`,
				);
			const resumeFiles = files.filter((file) => file.fieldname === 'resumeFile');
			if (resumeFiles.length > 1) throw badRequest('Only one resumeFile may be attached');

			// Dedupe: an explicit contact, else any contact sharing a canonicalized email. The existing contact's data takes
			// precedence; only with an explicit `contact` are extra emails, phones and links added to it (Lever's docs).
			const wanted = new Set(emails.map(canonicalEmail));
			let contact =
				contactId !== undefined
					? findContact(ctx, contactId)
					: state.contacts.find((c) => wanted.size > 0 && emailMatches(c, wanted));
			const deduped = contact !== undefined;
			if (contact) {
				if (contactId !== undefined) {
					const known = new Set(contact.emails.map(canonicalEmail));
					for (const email of emails)
						if (!known.has(canonicalEmail(email))) contact.emails.push(email);
					for (const phone of phones)
						if (!contact.phones.some((p) => p.value === phone.value)) contact.phones.push(phone);
					addKnown(contact.links, links);
				}
			} else {
				contact = {
					id: randomUUID(),
					name: name ?? '',
					headline: headline ?? '',
					location: location ?? '',
					emails,
					phones,
					links: unique(links),
					isAnonymized: false,
					createdAt: now,
				};
				state.contacts.push(contact);
			}

			const origin = (originValue as Origin | undefined) ?? 'sourced';
			const performAsPostingOwner = single(req.query, 'perform_as_posting_owner') === 'true';
			const performerRole = findUser(ctx, performer).accessRole;
			const opportunity: LeverOpportunity = {
				id: randomUUID(),
				contact: contact.id,
				stage: stage.id,
				confidentiality: posting?.confidentiality ?? 'non-confidential',
				origin,
				sourcedBy: origin === 'sourced' ? performer : null,
				owner: ownerId ?? (performAsPostingOwner && posting ? posting.owner : performer),
				// ⚠ Docs: "the creator will always be added as a follower"; a recorded create by an interviewer added only the
				// posting's followers. We add the creator unless they are an interviewer, which matches both.
				followers: unique([
					...followers,
					...(posting?.followers ?? []),
					...(performerRole === 'interviewer' ? [] : [performer]),
				]),
				tags: unique([...tags, ...(posting ? postingDerivedTags(posting) : [])]),
				sources: unique(sources),
				applications: [],
				archived,
				stageChanges: [
					{
						toStageId: stage.id,
						toStageIndex: stageIndex(ctx, stage.id),
						updatedAt: createdAt ?? now,
						userId: performer,
					},
				],
				createdAt: createdAt ?? now,
				updatedAt: now,
				lastInteractionAt: now,
				lastAdvancedAt: createdAt ?? now,
				snoozedUntil: null,
				isAnonymized: false,
				dataProtection: null,
				opportunityLocation: opportunityLocation ?? posting?.categories.location ?? null,
			};
			if (posting) {
				const application = {
					id: randomUUID(),
					opportunityId: opportunity.id,
					candidateId: opportunity.id,
					createdAt: opportunity.createdAt,
					type: origin === 'applied' ? ('posting' as const) : ('user' as const),
					posting: posting.id,
					postingOwner: posting.owner,
					postingHiringManager: posting.hiringManager,
					user: performer,
					name: contact.name,
					email: contact.emails[0] ?? null,
					phone: contact.phones[0] ?? null,
					company: null,
					links: [...contact.links],
					comments: null,
					customQuestions: [],
					archived: archived ? { ...archived } : null,
					requisitionForHire: null,
				};
				state.applications.push(application);
				opportunity.applications.push(application.id);
			}
			state.opportunities.push(opportunity);
			addKnown(state.tags, opportunity.tags);
			addKnown(state.sources, opportunity.sources);
			if (resumeFiles[0]) storeResume(ctx, opportunity.id, resumeFiles[0]);
			for (const file of files.filter((f) => f.fieldname !== 'resumeFile'))
				storeFile(ctx, opportunity.id, file, performer);

			const ids = {
				opportunityId: opportunity.id,
				candidateId: opportunity.id,
				contactId: contact.id,
			};
			if (!deduped) ctx.emit('contactCreated', { contactId: contact.id, createdAt: now });
			if (posting)
				ctx.emit('applicationCreated', {
					...ids,
					applicationId: opportunity.applications[0],
					postingId: posting.id,
				});
			res.status(201).json({
				deduped,
				data: shape(req, renderOpportunity(ctx, opportunity), opportunityExpanders(ctx)),
			});
		}),
	);

	router.put(
		'/opportunities/:id/stage',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'opportunities', 'write');
			const opportunity = findOpportunity(ctx, res, req.params.id);
			const performer = performAs(ctx, req, false);
			const stage = findStage(ctx, requiredString(objectBody(req.body), 'stage'));
			const now = ctx.now();
			const fromStageId = opportunity.stage;
			opportunity.stage = stage.id;
			opportunity.stageChanges.push({
				toStageId: stage.id,
				toStageIndex: stageIndex(ctx, stage.id),
				updatedAt: now,
				userId: performer,
			});
			opportunity.updatedAt = now;
			opportunity.lastAdvancedAt = now;
			opportunity.lastInteractionAt = now;
			ctx.emit('candidateStageChange', {
				opportunityId: opportunity.id,
				candidateId: opportunity.id,
				contactId: opportunity.contact,
				toStageId: stage.id,
				fromStageId,
			});
			respondWith(req, res, opportunity);
		}),
	);

	router.put(
		'/opportunities/:id/archived',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'opportunities', 'write');
			const opportunity = findOpportunity(ctx, res, req.params.id);
			performAs(ctx, req, false);
			const body = objectBody(req.body);
			if (!('reason' in body))
				throw badRequest(
					'Missing required field "reason" (an archive reason id, or null to unarchive)',
				);
			if (body.reason !== null && typeof body.reason !== 'string')
				throw badRequest('Invalid value for field "reason": expected a string or null');
			const requisitionId = optionalString(body, 'requisitionId');
			// Requisitions are not simulated, so any requisition id is unknown here.
			if (requisitionId !== undefined) throw notFound('requisitions', requisitionId);
			const now = ctx.now();
			const fromArchived = opportunity.archived;
			if (body.reason === null) {
				opportunity.archived = null;
			} else {
				const reason = findArchiveReason(ctx, body.reason as string);
				if (reason.status !== 'active') throw badRequest(`Archive reason ${reason.id} is inactive`);
				opportunity.archived = { reason: reason.id, archivedAt: now };
			}
			for (const id of opportunity.applications) {
				const application = state.applications.find((candidate) => candidate.id === id);
				if (application)
					application.archived = opportunity.archived ? { ...opportunity.archived } : null;
			}
			opportunity.updatedAt = now;
			opportunity.lastInteractionAt = now;
			const ids = {
				opportunityId: opportunity.id,
				candidateId: opportunity.id,
				contactId: opportunity.contact,
			};
			ctx.emit('candidateArchiveChange', {
				...ids,
				fromArchived,
				toArchived: opportunity.archived,
			});
			if (
				opportunity.archived &&
				findArchiveReason(ctx, opportunity.archived.reason).type === 'hired'
			)
				ctx.emit('candidateHired', ids);
			respondWith(req, res, opportunity);
		}),
	);

	const listEdit = (field: 'tags' | 'sources' | 'links', mode: 'add' | 'remove') =>
		wrap((req, res) => {
			requirePermission(principalOf(res), 'opportunities', 'write');
			const opportunity = findOpportunity(ctx, res, req.params.id);
			performAs(ctx, req, false);
			const values = requiredStringArray(objectBody(req.body), field);
			// Links live on the contact (Lever: addLinks/removeLinks act on the contact).
			const target =
				field === 'links' ? findContact(ctx, opportunity.contact).links : opportunity[field];
			if (mode === 'add') {
				addKnown(target, values);
				if (field !== 'links') addKnown(state[field], values);
			} else {
				const remaining = target.filter((value) => !values.includes(value));
				target.splice(0, target.length, ...remaining);
			}
			opportunity.updatedAt = ctx.now();
			respondWith(req, res, opportunity);
		});
	for (const field of ['tags', 'sources', 'links'] as const) {
		const suffix = field[0].toUpperCase() + field.slice(1);
		router.post(`/opportunities/:id/add${suffix}`, listEdit(field, 'add'));
		router.post(`/opportunities/:id/remove${suffix}`, listEdit(field, 'remove'));
	}

	router.get(
		'/opportunities/:id/applications',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'applications', 'read');
			const opportunity = findOpportunity(ctx, res, req.params.id);
			const applications = state.applications.filter(
				(application) => application.opportunityId === opportunity.id,
			);
			const expanders = applicationExpanders(ctx);
			res.json(
				paginate(req, ctx.cursors, applications, byCreatedAt(), (a) =>
					shape(req, renderApplication(a), expanders),
				),
			);
		}),
	);

	router.get(
		'/opportunities/:id/applications/:applicationId',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'applications', 'read');
			const opportunity = findOpportunity(ctx, res, req.params.id);
			const application = state.applications.find(
				(a) => a.id === req.params.applicationId && a.opportunityId === opportunity.id,
			);
			if (!application) throw notFound('applications', req.params.applicationId);
			res.json({ data: shape(req, renderApplication(application), applicationExpanders(ctx)) });
		}),
	);

	router.get(
		'/contacts/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'contact', 'read');
			res.json({ data: renderContact(findContact(ctx, req.params.id)) });
		}),
	);

	router.put(
		'/contacts/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'contact', 'write');
			const contact = findContact(ctx, req.params.id);
			const body = objectBody(req.body);
			// ⚠ Lever's example shows a full replace: omitted fields are cleared, so `name` must always be sent.
			const name = requiredString(body, 'name');
			const headline = optionalString(body, 'headline') ?? '';
			let location = '';
			if (body.location !== undefined && body.location !== null) {
				if (typeof body.location === 'string') location = body.location;
				else if (
					typeof body.location === 'object' &&
					typeof (body.location as Body).name === 'string'
				)
					location = (body.location as Body).name as string;
				else throw badRequest('Invalid value for field "location": expected a string');
			}
			const emails = emailsField(body) ?? [];
			const phones = phonesField(body) ?? [];
			if (contact.isAnonymized) throw forbidden('Anonymized contacts cannot be updated');
			Object.assign(contact, { name, headline, location, emails, phones });
			ctx.emit('contactUpdated', { contactId: contact.id, updatedAt: ctx.now() });
			res.json({ data: renderContact(contact) });
		}),
	);

	return router;
}
