/**
 * Requisitions and requisition fields (Lever docs §Requisitions, §Requisition fields; a recorded create and field
 * list). Requisition writes need "API management of requisitions" turned on by a Super Admin
 * (`requisitionApiManagement: false` simulates an account without it). A PUT replaces the whole requisition.
 */
import { randomUUID } from 'node:crypto';

import { Router, type Request, type Response } from 'express';

import { requireConfidentialAccess, requirePermission } from '../auth';
import { badRequest, forbidden, notFound } from '../errors';
import { wrap } from '../http';
import { paginate, single, timestampParam } from '../listing';
import { byCreatedAt, findPosting, findUser, principalOf, type SimContext } from '../model';
import type {
	LeverRequisition,
	LeverRequisitionField,
	RequisitionFieldType,
	RequisitionStatus,
} from '../types';
import {
	objectBody,
	optionalBoolean,
	optionalString,
	optionalStringArray,
	requiredString,
	type Body,
} from '../validate';

const STATUSES: RequisitionStatus[] = ['open', 'onHold', 'closed', 'draft'];
const EMPLOYMENT_STATUSES = ['full-time', 'part-time', 'intern', 'contractor', 'temp-worker'];
const INTERVALS = [
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
const FIELD_TYPES: RequisitionFieldType[] = ['number', 'text', 'date', 'object', 'dropdown'];
const FIELD_ID = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const MAX_FIELDS = 100;
const MAX_SUBFIELDS = 10;

export function requisitionRoutes(ctx: SimContext): Router {
	const router = Router();
	const { state } = ctx;

	const findRequisition = (res: Response, id: string) => {
		const requisition = state.requisitions.find((candidate) => candidate.id === id);
		if (!requisition) throw notFound('requisitions', id);
		if (requisition.confidentiality === 'confidential') requireConfidentialAccess(principalOf(res));
		return requisition;
	};
	const findField = (id: string) => {
		const field = state.requisitionFields.find((candidate) => candidate.id === id);
		if (!field) throw notFound('requisition_fields', id);
		return field;
	};
	const requireWrite = (res: Response, resource: 'requisitions' | 'requisition_fields') => {
		requirePermission(principalOf(res), resource, 'write');
		// ⚠ Lever documents the setting, not the status of the refusal: 403 here.
		if (!ctx.options.requisitionApiManagement)
			throw forbidden(
				'API management of requisitions is not enabled for this account: a Super Admin can turn it on in Settings',
			);
	};

	/** One custom field value checked against its field definition. */
	const checkCustomValue = (field: LeverRequisitionField, value: unknown, path: string): void => {
		const fail = (expected: string) =>
			badRequest(`Invalid value for field "${path}": expected ${expected}`);
		if (value === null) return;
		switch (field.type) {
			case 'number':
				if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number');
				return;
			case 'date':
				if (typeof value !== 'number' || !Number.isInteger(value))
					throw fail('a timestamp in milliseconds');
				return;
			case 'text':
				if (typeof value !== 'string') throw fail('a string');
				return;
			// ⚠ Lever does not say whether a dropdown value is the option's text or id: both are taken, the text stored.
			case 'dropdown':
				if (
					typeof value !== 'string' ||
					!(field.options ?? []).some((option) => option.text === value || option.id === value)
				) {
					throw fail(
						`one of ${(field.options ?? []).map((option) => `"${option.text}"`).join(', ')}`,
					);
				}
				return;
			case 'object': {
				if (!value || typeof value !== 'object' || Array.isArray(value)) throw fail('an object');
				for (const [key, part] of Object.entries(value)) {
					const subfield = (field.subfields ?? []).find((candidate) => candidate.id === key);
					if (!subfield)
						throw badRequest(
							`Invalid value for field "${path}.${key}": not a subfield of ${field.id}`,
						);
					checkCustomValue(
						{ id: subfield.id, text: subfield.text, type: subfield.type, isRequired: false },
						part,
						`${path}.${key}`,
					);
				}
			}
		}
	};
	const customFieldsOf = (body: Body): Record<string, unknown> => {
		const value = body.customFields ?? {};
		if (typeof value !== 'object' || value === null || Array.isArray(value))
			throw badRequest(
				'Invalid value for field "customFields": expected an object keyed by requisition field id',
			);
		const values = value as Record<string, unknown>;
		for (const [id, entry] of Object.entries(values)) {
			const field = state.requisitionFields.find((candidate) => candidate.id === id);
			if (!field)
				throw badRequest(
					`Invalid value for field "customFields.${id}": no requisition field ${id}`,
				);
			checkCustomValue(field, entry, `customFields.${id}`);
		}
		for (const field of state.requisitionFields) {
			if (field.isRequired && (values[field.id] === undefined || values[field.id] === null)) {
				throw badRequest(`Missing required field "customFields.${field.id}" (${field.text})`);
			}
		}
		const dropdownText = (field: LeverRequisitionField, entry: unknown) =>
			field.options?.find((option) => option.id === entry)?.text ?? entry;
		return Object.fromEntries(
			Object.entries(values).map(([id, entry]) => [id, dropdownText(findField(id), entry)]),
		);
	};
	const userOrNull = (body: Body, field: string) => {
		const id = optionalString(body, field);
		return id === undefined || id === '' ? null : findUser(ctx, id).id;
	};

	/** The requisition a create or full-replace body describes (name, code and headcount required in both). */
	const requisitionFields = (body: Body, current?: LeverRequisition) => {
		const name = requiredString(body, 'name');
		const requisitionCode = requiredString(body, 'requisitionCode');
		if (
			state.requisitions.some(
				(other) => other.requisitionCode === requisitionCode && other.id !== current?.id,
			)
		) {
			throw badRequest(
				`Invalid value for field "requisitionCode": a requisition with code ${requisitionCode} already exists`,
			);
		}
		const headcount = body.headcountTotal;
		if (headcount === undefined) throw badRequest('Missing required field "headcountTotal"');
		if (
			headcount !== 'unlimited' &&
			(typeof headcount !== 'number' || !Number.isInteger(headcount) || headcount < 1)
		) {
			throw badRequest(
				'Invalid value for field "headcountTotal": expected a whole number of at least 1, or "unlimited"',
			);
		}
		const status = (optionalString(body, 'status') ??
			current?.status ??
			'open') as RequisitionStatus;
		if (!STATUSES.includes(status))
			throw badRequest(`Invalid value for field "status": expected one of ${STATUSES.join(', ')}`);
		if (status === 'draft' && current && current.status !== 'draft')
			throw badRequest('Invalid value for field "status": a requisition cannot move back to draft');
		const employmentStatus = optionalString(body, 'employmentStatus') ?? null;
		if (employmentStatus !== null && !EMPLOYMENT_STATUSES.includes(employmentStatus)) {
			throw badRequest(
				`Invalid value for field "employmentStatus": expected one of ${EMPLOYMENT_STATUSES.join(', ')}`,
			);
		}
		let compensationBand: LeverRequisition['compensationBand'] = null;
		if (body.compensationBand !== undefined && body.compensationBand !== null) {
			const band = body.compensationBand as Body;
			const { currency, interval, min, max } = band;
			if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
				throw badRequest(
					'Invalid value for field "compensationBand.currency": expected a currency code such as USD',
				);
			if (typeof interval !== 'string' || !INTERVALS.includes(interval))
				throw badRequest(
					`Invalid value for field "compensationBand.interval": expected one of ${INTERVALS.join(', ')}`,
				);
			if (typeof min !== 'number' || typeof max !== 'number' || min > max)
				throw badRequest(
					'Invalid value for field "compensationBand": min and max must be numbers, min not above max',
				);
			compensationBand = { currency, interval, min, max };
		}
		const postings = (optionalStringArray(body, 'postingIds') ?? []).map(
			(id) => findPosting(ctx, id).id,
		);
		return {
			name,
			requisitionCode,
			headcountInfinite: headcount === 'unlimited',
			headcountTotal: headcount === 'unlimited' ? null : headcount,
			backfill: optionalBoolean(body, 'backfill') ?? false,
			status,
			employmentStatus,
			hiringManager: userOrNull(body, 'hiringManager'),
			owner: userOrNull(body, 'owner'),
			internalNotes: optionalString(body, 'internalNotes') ?? '',
			location: optionalString(body, 'location') ?? null,
			team: optionalString(body, 'team') ?? null,
			department: optionalString(body, 'department') ?? null,
			postings,
			compensationBand,
			customFields: customFieldsOf(body),
			closedAt: status === 'closed' ? (current?.closedAt ?? ctx.now()) : null,
		};
	};

	router.get(
		'/requisitions',
		wrap((req: Request, res) => {
			const principal = principalOf(res);
			requirePermission(principal, 'requisitions', 'read');
			const q = req.query;
			const status = single(q, 'status');
			if (status !== undefined && !STATUSES.includes(status as RequisitionStatus))
				throw badRequest(`Invalid value for status: expected one of ${STATUSES.join(', ')}`);
			const code = single(q, 'requisition_code');
			const confidentiality = single(q, 'confidentiality') ?? 'non-confidential';
			if (!['non-confidential', 'confidential', 'all'].includes(confidentiality))
				throw badRequest(
					'Invalid value for confidentiality: expected non-confidential, confidential or all',
				);
			if (confidentiality !== 'non-confidential') requireConfidentialAccess(principal);
			const start = timestampParam(q, 'created_at_start');
			const end = timestampParam(q, 'created_at_end');
			const matches = state.requisitions.filter(
				(r) =>
					(confidentiality === 'all' || r.confidentiality === confidentiality) &&
					(status === undefined || r.status === status) &&
					(code === undefined || r.requisitionCode === code) &&
					(start === undefined || r.createdAt >= start) &&
					(end === undefined || r.createdAt <= end),
			);
			res.json(
				paginate(req, ctx.cursors, matches, byCreatedAt<LeverRequisition>(), (r) => ({ ...r })),
			);
		}),
	);
	router.get(
		'/requisitions/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'requisitions', 'read');
			res.json({ data: { ...findRequisition(res, req.params.id) } });
		}),
	);
	router.post(
		'/requisitions',
		wrap((req, res) => {
			requireWrite(res, 'requisitions');
			const now = ctx.now();
			const requisition: LeverRequisition = {
				id: randomUUID(),
				confidentiality: 'non-confidential',
				createdAt: now,
				creator: null,
				headcountHired: 0,
				offerIds: [],
				timeToFillStartAt: null,
				timeToFillEndAt: null,
				updatedAt: now,
				...requisitionFields(objectBody(req.body)),
			};
			state.requisitions.push(requisition);
			res.status(201).json({ data: { ...requisition } });
		}),
	);
	router.put(
		'/requisitions/:id',
		wrap((req, res) => {
			requireWrite(res, 'requisitions');
			const requisition = findRequisition(res, req.params.id);
			Object.assign(requisition, requisitionFields(objectBody(req.body), requisition), {
				updatedAt: ctx.now(),
			});
			res.json({ data: { ...requisition } });
		}),
	);
	router.delete(
		'/requisitions/:id',
		wrap((req, res) => {
			requireWrite(res, 'requisitions');
			const requisition = findRequisition(res, req.params.id);
			state.requisitions.splice(state.requisitions.indexOf(requisition), 1);
			res.status(204).end();
		}),
	);

	// Requisition fields
	const optionsOf = (body: Body, current?: LeverRequisitionField) => {
		if (!Array.isArray(body.options) || body.options.length === 0)
			throw badRequest(
				'Invalid value for field "options": a dropdown needs at least one option {text}',
			);
		return (body.options as unknown[]).map((entry, index) => {
			const text = entry && typeof entry === 'object' ? (entry as Body).text : undefined;
			if (typeof text !== 'string' || text.trim() === '')
				throw badRequest(
					`Invalid value for field "options[${index}].text": expected a non-empty string`,
				);
			const id = (entry as Body).id;
			if (id !== undefined && !(current?.options ?? []).some((option) => option.id === id)) {
				throw badRequest(
					`Invalid value for field "options[${index}].id": ${String(id)} is not an option of ${current?.id ?? 'this field'}`,
				);
			}
			return { id: typeof id === 'string' ? id : randomUUID(), text: text.trim() };
		});
	};
	const subfieldsOf = (body: Body) => {
		if (
			!Array.isArray(body.subfields) ||
			body.subfields.length === 0 ||
			body.subfields.length > MAX_SUBFIELDS
		) {
			throw badRequest(
				`Invalid value for field "subfields": an object field needs 1 to ${MAX_SUBFIELDS} subfields`,
			);
		}
		return (body.subfields as Body[]).map((entry, index) => {
			const id = typeof entry?.id === 'string' ? entry.id : '';
			if (!FIELD_ID.test(id))
				throw badRequest(`Invalid value for field "subfields[${index}].id": expected snake_case`);
			if (!['number', 'text', 'date'].includes(entry.type as string))
				throw badRequest(
					`Invalid value for field "subfields[${index}].type": expected number, text or date`,
				);
			return {
				id,
				text: requiredString(entry, 'text'),
				type: entry.type as 'number' | 'text' | 'date',
			};
		});
	};

	// Recorded: the list answers {data: […]} without hasNext.
	router.get(
		'/requisition_fields',
		wrap((_req, res) => {
			requirePermission(principalOf(res), 'requisition_fields', 'read');
			res.json({ data: state.requisitionFields.map((field) => ({ ...field })) });
		}),
	);
	router.get(
		'/requisition_fields/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'requisition_fields', 'read');
			res.json({ data: { ...findField(req.params.id) } });
		}),
	);
	router.post(
		'/requisition_fields',
		wrap((req, res) => {
			requireWrite(res, 'requisition_fields');
			const body = objectBody(req.body);
			const id = requiredString(body, 'id');
			if (!FIELD_ID.test(id) || id.length > 50)
				throw badRequest(
					'Invalid value for field "id": expected snake_case, at most 50 characters',
				);
			if (state.requisitionFields.some((field) => field.id === id))
				throw badRequest(`Invalid value for field "id": requisition field ${id} already exists`);
			if (state.requisitionFields.length >= MAX_FIELDS)
				throw badRequest(`An account has at most ${MAX_FIELDS} requisition fields`);
			const type = requiredString(body, 'type') as RequisitionFieldType;
			if (!FIELD_TYPES.includes(type))
				throw badRequest(
					`Invalid value for field "type": expected one of ${FIELD_TYPES.join(', ')}`,
				);
			const field: LeverRequisitionField = {
				id,
				text: requiredString(body, 'text'),
				type,
				isRequired: optionalBoolean(body, 'isRequired') ?? false,
				...(type === 'dropdown' ? { options: optionsOf(body) } : {}),
				...(type === 'object' ? { subfields: subfieldsOf(body) } : {}),
			};
			state.requisitionFields.push(field);
			res.status(201).json({ data: { ...field } });
		}),
	);
	router.put(
		'/requisition_fields/:id',
		wrap((req, res) => {
			requireWrite(res, 'requisition_fields');
			const field = findField(req.params.id);
			const body = objectBody(req.body);
			if (body.type !== undefined && body.type !== field.type)
				throw badRequest(
					'Invalid value for field "type": the type of a requisition field cannot change',
				);
			field.text = requiredString(body, 'text');
			field.isRequired = optionalBoolean(body, 'isRequired') ?? false;
			if (field.type === 'dropdown') field.options = optionsOf(body, field);
			if (field.type === 'object') field.subfields = subfieldsOf(body);
			res.json({ data: { ...field } });
		}),
	);
	router.delete(
		'/requisition_fields/:id',
		wrap((req, res) => {
			requireWrite(res, 'requisition_fields');
			const field = findField(req.params.id);
			state.requisitionFields.splice(state.requisitionFields.indexOf(field), 1);
			for (const requisition of state.requisitions) delete requisition.customFields[field.id];
			res.status(204).end();
		}),
	);

	return router;
}
