/**
 * Interviews and interview panels (Lever docs §Interviews, §Panels; shapes from a recorded panel create). A panel
 * groups interviews; only panels created through the API (`externallyManaged: true`) and their interviews may be
 * changed through it, and every write needs perform_as. Deleting a panel's last interview deletes the panel.
 */
import { randomUUID } from 'node:crypto';

import { Router, type Request, type Response } from 'express';

import { requirePermission } from '../auth';
import { badRequest, notFound } from '../errors';
import { performAs, wrap } from '../http';
import { paginate, shape } from '../listing';
import {
	byCreatedAt,
	findOpportunity,
	findStage,
	findUser,
	principalOf,
	type SimContext,
} from '../model';
import type { LeverInterview, LeverOpportunity, LeverPanel } from '../types';
import {
	objectBody,
	optionalString,
	optionalStringArray,
	requiredString,
	type Body,
} from '../validate';

const REMINDERS = ['once', 'daily', 'frequently', 'none'] as const;
type Reminder = (typeof REMINDERS)[number];

export function interviewRoutes(ctx: SimContext): Router {
	const router = Router();
	const { state } = ctx;

	const opportunityFor = (
		resource: 'interviews' | 'panels',
		access: 'read' | 'write',
		res: Response,
		id: string,
	): LeverOpportunity => {
		requirePermission(principalOf(res), resource, access);
		return findOpportunity(ctx, res, id);
	};
	const findPanel = (opportunityId: string, panelId: string) => {
		const panel = state.panels.find((p) => p.id === panelId && p.opportunityId === opportunityId);
		if (!panel) throw notFound('panels', panelId);
		return panel;
	};
	const findInterview = (opportunityId: string, interviewId: string) => {
		const interview = state.interviews.find(
			(i) => i.id === interviewId && i.opportunityId === opportunityId,
		);
		if (!interview) throw notFound('interviews', interviewId);
		return interview;
	};
	/** ⚠ Lever documents the rule, not the status of the refusal: 400 here. */
	const requireApiPanel = (panel: LeverPanel) => {
		if (!panel.externallyManaged) {
			throw badRequest(
				`Panel ${panel.id} was not created through the API (externallyManaged is false) and cannot be changed through it`,
			);
		}
	};
	const panelInterviews = (panel: LeverPanel) =>
		state.interviews
			.filter((interview) => interview.panel === panel.id)
			.sort((a, b) => a.date - b.date);

	const reminderOf = (body: Body, fallback: Reminder): Reminder => {
		const value = optionalString(body, 'feedbackReminder');
		if (value === undefined) return fallback;
		if (!REMINDERS.includes(value as Reminder))
			throw badRequest(
				`Invalid value for field "feedbackReminder": expected one of ${REMINDERS.join(', ')}`,
			);
		return value as Reminder;
	};
	const feedbackTemplateOf = (body: Body): string | null => {
		const id = optionalString(body, 'feedbackTemplate');
		if (id === undefined || id === 'no-feedback') return null;
		if (!state.feedbackTemplates.some((template) => template.id === id))
			throw notFound('feedback_templates', id);
		return id;
	};

	/** The fields of one interview in a request body, validated; `label` names the entry in errors (`interviews[1]`). */
	const interviewFields = (body: Body, label: string) => {
		const prefix = label ? `${label}.` : '';
		if (!Array.isArray(body.interviewers) || body.interviewers.length === 0) {
			throw badRequest(
				`Invalid value for field "${prefix}interviewers": at least one interviewer {id} is required`,
			);
		}
		const interviewers = (body.interviewers as unknown[]).map((entry) => {
			if (!entry || typeof entry !== 'object' || typeof (entry as Body).id !== 'string') {
				throw badRequest(
					`Invalid value for field "${prefix}interviewers": every interviewer needs an id`,
				);
			}
			const user = findUser(ctx, (entry as Body).id as string);
			if (user.deactivatedAt !== null)
				throw badRequest(
					`Invalid value for field "${prefix}interviewers": user ${user.id} is deactivated`,
				);
			const template = (entry as Body).feedbackTemplate;
			return {
				id: user.id,
				name: user.name,
				email: user.email,
				feedbackTemplate: typeof template === 'string' ? template : null,
			};
		});
		const date = body.date;
		if (typeof date !== 'number' || !Number.isInteger(date) || date < 0)
			throw badRequest(
				`Invalid value for field "${prefix}date": expected a timestamp in milliseconds`,
			);
		const duration = body.duration;
		if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1) {
			throw badRequest(
				`Invalid value for field "${prefix}duration": expected a whole number of minutes, at least 1`,
			);
		}
		return {
			subject: optionalString(body, 'subject') ?? '',
			note: optionalString(body, 'note') ?? '',
			location: optionalString(body, 'location') ?? '',
			interviewers,
			date,
			duration,
			feedbackTemplate: feedbackTemplateOf(body),
		};
	};

	const newInterview = (
		opportunity: LeverOpportunity,
		panel: LeverPanel,
		fields: ReturnType<typeof interviewFields>,
		reminder: Reminder,
		userId: string,
	): LeverInterview => ({
		id: randomUUID(),
		opportunityId: opportunity.id,
		panel: panel.id,
		...fields,
		timezone: panel.timezone,
		createdAt: ctx.now(),
		feedbackForms: [],
		feedbackReminder: reminder,
		user: userId,
		stage: opportunity.stage,
		canceledAt: null,
		postings: state.applications
			.filter((application) => application.opportunityId === opportunity.id)
			.map((application) => application.posting),
		gcalEventUrl: null,
	});

	const interviewExpanders = {
		user: (id: unknown) => findUser(ctx, id as string),
		stage: (id: unknown) => findStage(ctx, id as string),
	};
	const renderInterview = (req: Request, interview: LeverInterview) =>
		shape(req, { ...interview }, interviewExpanders);

	/** A panel as the recorded create answer shows it: its interviews inline, start and end from them. */
	const renderPanel = (panel: LeverPanel) => {
		const interviews = panelInterviews(panel);
		const { opportunityId: _simulatorOnly, ...wire } = panel;
		return {
			...wire,
			start: interviews[0]?.date ?? null,
			end:
				interviews.length > 0
					? Math.max(...interviews.map((interview) => interview.date + interview.duration * 60_000))
					: null,
			interviews: interviews.map((interview) => ({
				id: interview.id,
				date: interview.date,
				duration: interview.duration,
				feedbackReminder: interview.feedbackReminder,
				feedbackTemplate: interview.feedbackTemplate ?? 'no-feedback',
				interviewers: interview.interviewers.map((interviewer) => ({
					...interviewer,
					feedbackTemplate: interviewer.feedbackTemplate ?? 'no-feedback',
				})),
				location: interview.location || null,
				note: interview.note || null,
				subject: interview.subject,
			})),
		};
	};

	const deleteInterview = (interview: LeverInterview) => {
		state.interviews.splice(state.interviews.indexOf(interview), 1);
		const panel = state.panels.find((candidate) => candidate.id === interview.panel);
		// Lever: deleting the last interview of a panel deletes the panel.
		if (panel && panelInterviews(panel).length === 0)
			state.panels.splice(state.panels.indexOf(panel), 1);
	};

	// Interviews
	router.get(
		'/opportunities/:id/interviews',
		wrap((req, res) => {
			const opportunity = opportunityFor('interviews', 'read', res, req.params.id);
			const interviews = state.interviews.filter((i) => i.opportunityId === opportunity.id);
			res.json(
				paginate(req, ctx.cursors, interviews, byCreatedAt(), (i) => renderInterview(req, i)),
			);
		}),
	);
	router.get(
		'/opportunities/:id/interviews/:interviewId',
		wrap((req, res) => {
			const opportunity = opportunityFor('interviews', 'read', res, req.params.id);
			res.json({
				data: renderInterview(req, findInterview(opportunity.id, req.params.interviewId)),
			});
		}),
	);
	router.post(
		'/opportunities/:id/interviews',
		wrap((req, res) => {
			const opportunity = opportunityFor('interviews', 'write', res, req.params.id);
			const performer = performAs(ctx, req, true)!;
			const body = objectBody(req.body);
			const panel = findPanel(opportunity.id, requiredString(body, 'panel'));
			requireApiPanel(panel);
			const interview = newInterview(
				opportunity,
				panel,
				interviewFields(body, ''),
				reminderOf(body, panel.feedbackReminder),
				performer,
			);
			state.interviews.push(interview);
			ctx.emit('interviewCreated', {
				interviewId: interview.id,
				panelId: panel.id,
				opportunityId: opportunity.id,
				createdAt: interview.createdAt,
			});
			res.status(201).json({ data: renderInterview(req, interview) });
		}),
	);
	// PUT replaces the whole interview (Lever docs); the panel cannot change.
	router.put(
		'/opportunities/:id/interviews/:interviewId',
		wrap((req, res) => {
			const opportunity = opportunityFor('interviews', 'write', res, req.params.id);
			performAs(ctx, req, true);
			const interview = findInterview(opportunity.id, req.params.interviewId);
			const panel = findPanel(opportunity.id, interview.panel);
			requireApiPanel(panel);
			const body = objectBody(req.body);
			if (body.panel !== undefined && body.panel !== panel.id)
				throw badRequest(
					'Invalid value for field "panel": an interview cannot move to another panel',
				);
			Object.assign(interview, interviewFields(body, ''), {
				feedbackReminder: reminderOf(body, interview.feedbackReminder),
			});
			ctx.emit('interviewUpdated', {
				interviewId: interview.id,
				panelId: panel.id,
				opportunityId: opportunity.id,
				updatedAt: ctx.now(),
			});
			res.json({ data: renderInterview(req, interview) });
		}),
	);
	router.delete(
		'/opportunities/:id/interviews/:interviewId',
		wrap((req, res) => {
			const opportunity = opportunityFor('interviews', 'write', res, req.params.id);
			performAs(ctx, req, true);
			const interview = findInterview(opportunity.id, req.params.interviewId);
			requireApiPanel(findPanel(opportunity.id, interview.panel));
			deleteInterview(interview);
			ctx.emit('interviewDeleted', {
				interviewId: interview.id,
				panelId: interview.panel,
				opportunityId: opportunity.id,
				deletedAt: ctx.now(),
			});
			res.status(204).end();
		}),
	);

	// Panels
	/** Panel fields of a create or full-replace body. */
	const panelFields = (body: Body, current?: LeverPanel) => {
		const timezone = requiredString(body, 'timezone');
		try {
			new Intl.DateTimeFormat('en', { timeZone: timezone });
		} catch {
			throw badRequest(`Invalid value for field "timezone": ${timezone} is not an IANA time zone`);
		}
		if (!Array.isArray(body.interviews) || body.interviews.length === 0)
			throw badRequest('Invalid value for field "interviews": at least one interview is required');
		const applications = optionalStringArray(body, 'applications');
		return {
			timezone,
			note: optionalString(body, 'note') ?? null,
			externalUrl: optionalString(body, 'externalUrl') ?? null,
			feedbackReminder: reminderOf(body, current?.feedbackReminder ?? 'daily'),
			applications,
			interviews: (body.interviews as unknown[]).map((entry, index) => {
				if (!entry || typeof entry !== 'object')
					throw badRequest(`Invalid value for field "interviews[${index}]": expected an object`);
				return {
					id: (entry as Body).id,
					fields: interviewFields(entry as Body, `interviews[${index}]`),
				};
			}),
		};
	};

	router.get(
		'/opportunities/:id/panels',
		wrap((req, res) => {
			const opportunity = opportunityFor('panels', 'read', res, req.params.id);
			res.json(
				paginate(
					req,
					ctx.cursors,
					state.panels.filter((p) => p.opportunityId === opportunity.id),
					byCreatedAt(),
					renderPanel,
				),
			);
		}),
	);
	router.get(
		'/opportunities/:id/panels/:panelId',
		wrap((req, res) => {
			const opportunity = opportunityFor('panels', 'read', res, req.params.id);
			res.json({ data: renderPanel(findPanel(opportunity.id, req.params.panelId)) });
		}),
	);
	// Recorded: 201 {data: panel} (the docs show a spurious data.data nesting).
	router.post(
		'/opportunities/:id/panels',
		wrap((req, res) => {
			const opportunity = opportunityFor('panels', 'write', res, req.params.id);
			const performer = performAs(ctx, req, true)!;
			const fields = panelFields(objectBody(req.body));
			const active = state.applications
				.filter(
					(application) =>
						application.opportunityId === opportunity.id && application.archived === null,
				)
				.map((a) => a.id);
			const panel: LeverPanel = {
				id: randomUUID(),
				opportunityId: opportunity.id,
				applications: fields.applications ?? active,
				canceledAt: null,
				createdAt: ctx.now(),
				externallyManaged: true,
				externalUrl: fields.externalUrl,
				feedbackReminder: fields.feedbackReminder,
				note: fields.note,
				stage: opportunity.stage,
				timezone: fields.timezone,
				user: performer,
			};
			state.panels.push(panel);
			for (const entry of fields.interviews)
				state.interviews.push(
					newInterview(opportunity, panel, entry.fields, panel.feedbackReminder, performer),
				);
			res.status(201).json({ data: renderPanel(panel) });
		}),
	);
	/**
	 * ⚠ PUT replaces the whole panel. Lever does not say how interviews in the body map to existing ones: here an entry
	 * with the id of one of the panel's interviews replaces it, one without an id is new, and interviews left out go.
	 */
	router.put(
		'/opportunities/:id/panels/:panelId',
		wrap((req, res) => {
			const opportunity = opportunityFor('panels', 'write', res, req.params.id);
			const performer = performAs(ctx, req, true)!;
			const panel = findPanel(opportunity.id, req.params.panelId);
			requireApiPanel(panel);
			const fields = panelFields(objectBody(req.body), panel);
			const existing = panelInterviews(panel);
			for (const entry of fields.interviews) {
				if (entry.id !== undefined && !existing.some((interview) => interview.id === entry.id)) {
					throw badRequest(
						`Invalid value for field "interviews": interview ${String(entry.id)} is not part of panel ${panel.id}`,
					);
				}
			}
			Object.assign(panel, {
				timezone: fields.timezone,
				note: fields.note,
				externalUrl: fields.externalUrl,
				feedbackReminder: fields.feedbackReminder,
				applications: fields.applications ?? panel.applications,
			});
			for (const interview of existing)
				if (!fields.interviews.some((entry) => entry.id === interview.id))
					state.interviews.splice(state.interviews.indexOf(interview), 1);
			for (const entry of fields.interviews) {
				const interview = existing.find((candidate) => candidate.id === entry.id);
				if (interview) Object.assign(interview, entry.fields, { timezone: panel.timezone });
				else
					state.interviews.push(
						newInterview(opportunity, panel, entry.fields, panel.feedbackReminder, performer),
					);
			}
			res.json({ data: renderPanel(panel) });
		}),
	);
	router.delete(
		'/opportunities/:id/panels/:panelId',
		wrap((req, res) => {
			const opportunity = opportunityFor('panels', 'write', res, req.params.id);
			performAs(ctx, req, true);
			const panel = findPanel(opportunity.id, req.params.panelId);
			requireApiPanel(panel);
			for (const interview of panelInterviews(panel))
				state.interviews.splice(state.interviews.indexOf(interview), 1);
			state.panels.splice(state.panels.indexOf(panel), 1);
			res.status(204).end();
		}),
	);

	return router;
}
