/**
 * Profile forms (an opportunity's custom fields), their templates, and referrals (Lever docs §Profile forms,
 * §Form templates, §Referrals). A form is filled in from a template and must send every template field, as the
 * template has it, with a value or null ("must match the template exactly, else validation error").
 */
import { randomUUID } from 'node:crypto';

import { Router, type Response } from 'express';

import { requirePermission, type Resource } from '../auth';
import { badRequest, notFound } from '../errors';
import { performAs, wrap } from '../http';
import { paginate } from '../listing';
import {
	byCreatedAt,
	findOpportunity,
	principalOf,
	withoutOpportunityId,
	type SimContext,
} from '../model';
import type { LeverForm, LeverOpportunity, TemplateField } from '../types';
import { objectBody, optionalBoolean, requiredString, type Body } from '../validate';
import { checkFieldValue } from './activity';

export function formRoutes(ctx: SimContext): Router {
	const router = Router();
	const { state } = ctx;

	const opportunityFor = (
		resource: Resource,
		access: 'read' | 'write',
		res: Response,
		id: string,
	): LeverOpportunity => {
		requirePermission(principalOf(res), resource, access);
		return findOpportunity(ctx, res, id);
	};

	// Profile forms
	router.get(
		'/opportunities/:id/forms',
		wrap((req, res) => {
			const opportunity = opportunityFor('forms', 'read', res, req.params.id);
			const forms = state.forms.filter(
				(f) => f.opportunityId === opportunity.id && f.deletedAt === null,
			);
			res.json(paginate(req, ctx.cursors, forms, byCreatedAt(), (f) => withoutOpportunityId(f)));
		}),
	);
	router.get(
		'/opportunities/:id/forms/:formId',
		wrap((req, res) => {
			const opportunity = opportunityFor('forms', 'read', res, req.params.id);
			const form = state.forms.find(
				(f) =>
					f.id === req.params.formId && f.opportunityId === opportunity.id && f.deletedAt === null,
			);
			if (!form) throw notFound('forms', req.params.formId);
			res.json({ data: withoutOpportunityId(form) });
		}),
	);

	/** Every template field, in order, with the template's id, type and text, and a value that fits the type (or null). */
	const formFields = (
		template: { id: string; fields: TemplateField[] },
		sent: unknown,
	): Array<TemplateField & { value: unknown }> => {
		const mismatch = () =>
			badRequest(
				`Invalid value for field "fields": the fields must match form template ${template.id} exactly (every template field, in order, with a value or null)`,
			);
		if (!Array.isArray(sent) || sent.length !== template.fields.length) throw mismatch();
		return template.fields.map((field, index) => {
			const entry = sent[index] as Body | null;
			if (
				!entry ||
				typeof entry !== 'object' ||
				entry.id !== field.id ||
				entry.type !== field.type ||
				entry.text !== field.text
			)
				throw mismatch();
			const value = entry.value ?? null;
			if (value === null && field.required)
				throw badRequest(
					`Invalid value for field "fields": field ${field.id} ("${field.text}") is required`,
				);
			checkFieldValue(field, value);
			return { ...field, value };
		});
	};

	router.post(
		'/opportunities/:id/forms',
		wrap((req, res) => {
			const opportunity = opportunityFor('forms', 'write', res, req.params.id);
			// perform_as is optional for forms (lever.md §6.1)
			const performer = performAs(ctx, req, false);
			const body = objectBody(req.body);
			const templateId = requiredString(body, 'baseTemplateId');
			const template = state.formTemplates.find((candidate) => candidate.id === templateId);
			if (!template) throw notFound('form_templates', templateId);
			const now = ctx.now();
			const form: LeverForm = {
				id: randomUUID(),
				opportunityId: opportunity.id,
				type: 'form',
				text: template.text,
				instructions: template.instructions,
				baseTemplateId: template.id,
				fields: formFields(template, body.fields),
				user: performer,
				stage: opportunity.stage,
				secret: optionalBoolean(body, 'secret') ?? template.secretByDefault,
				createdAt: now,
				completedAt: now,
				deletedAt: null,
			};
			state.forms.push(form);
			res.status(201).json({ data: withoutOpportunityId(form) });
		}),
	);

	// Form templates (account configuration; read here)
	router.get(
		'/form_templates',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'form_templates', 'read');
			res.json(
				paginate(req, ctx.cursors, state.formTemplates, byCreatedAt(), (template) => ({
					...template,
				})),
			);
		}),
	);
	router.get(
		'/form_templates/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'form_templates', 'read');
			const template = state.formTemplates.find((candidate) => candidate.id === req.params.id);
			if (!template) throw notFound('form_templates', req.params.id);
			// ⚠ The docs show a bare object for single templates; recordings of feedback templates are enveloped: enveloped here.
			res.json({ data: { ...template } });
		}),
	);

	// Referrals (read-only in Lever)
	router.get(
		'/opportunities/:id/referrals',
		wrap((req, res) => {
			const opportunity = opportunityFor('referrals', 'read', res, req.params.id);
			const referrals = state.referrals.filter(
				(referral) => referral.opportunityId === opportunity.id,
			);
			res.json(
				paginate(req, ctx.cursors, referrals, byCreatedAt(), (referral) =>
					withoutOpportunityId(referral),
				),
			);
		}),
	);
	router.get(
		'/opportunities/:id/referrals/:referralId',
		wrap((req, res) => {
			const opportunity = opportunityFor('referrals', 'read', res, req.params.id);
			const referral = state.referrals.find(
				(candidate) =>
					candidate.id === req.params.referralId && candidate.opportunityId === opportunity.id,
			);
			if (!referral) throw notFound('referrals', req.params.referralId);
			res.json({ data: withoutOpportunityId(referral) });
		}),
	);

	return router;
}
