/** Things that hang off an opportunity: notes, files, resumes, feedback, offers (interviews and forms: interviews.ts, forms.ts). */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { Router, type Response } from 'express';
import type multer from 'multer';

import { requirePermission, type Resource } from '../auth';
import { badRequest, notFound, unprocessable } from '../errors';
import { performAs, uploadedFiles, wrap } from '../http';
import { paginate, shape, single, timestampParam } from '../listing';
import {
	byCreatedAt,
	findOpportunity,
	findUser,
	principalOf,
	renderFile,
	renderResume,
	withoutOpportunityId,
	type SimContext,
} from '../model';
import type {
	LeverFeedback,
	LeverFile,
	LeverOpportunity,
	StoredBlob,
	TemplateField,
} from '../types';
import {
	objectBody,
	optionalBoolean,
	optionalInteger,
	optionalPastTimestamp,
	optionalString,
	requiredString,
	type Body,
} from '../validate';

/** Lever's supported file formats; anything else is stored with status "unsupported". */
const SUPPORTED_EXTENSIONS = ['.docx', '.doc', '.js', '.jpg', '.png', '.pdf', '.txt'];

function blobFrom(ctx: SimContext, file: Express.Multer.File): StoredBlob {
	const ext = path.extname(file.originalname).toLowerCase();
	return {
		name: file.originalname,
		ext,
		size: file.size,
		uploadedAt: ctx.now(),
		status: SUPPORTED_EXTENSIONS.includes(ext) ? 'processed' : 'unsupported',
		contentType: file.mimetype,
		content: file.buffer,
	};
}

export function storeResume(ctx: SimContext, opportunityId: string, file: Express.Multer.File) {
	const resume = {
		id: randomUUID(),
		opportunityId,
		createdAt: ctx.now(),
		file: blobFrom(ctx, file),
		parsedData: { positions: [], schools: [] },
	};
	ctx.state.resumes.push(resume);
	return resume;
}

export function storeFile(
	ctx: SimContext,
	opportunityId: string,
	file: Express.Multer.File,
	userId: string,
): LeverFile {
	const stored: LeverFile = {
		id: randomUUID(),
		opportunityId,
		user: userId,
		...blobFrom(ctx, file),
	};
	ctx.state.files.push(stored);
	return stored;
}

function sendBlob(res: Response, blob: StoredBlob) {
	// Lever answers 422 when it could not process the file.
	if (blob.status === 'error')
		throw unprocessable('The file could not be processed and cannot be downloaded.');
	res.setHeader('Content-Type', blob.contentType);
	res.setHeader('Content-Disposition', `attachment; filename="${blob.name.replace(/"/g, '')}"`);
	res.send(blob.content);
}

function uploadedAtWindow<T extends { uploadedAt: number }>(
	req: Parameters<typeof timestampParam>[0],
	items: T[],
): T[] {
	const start = timestampParam(req, 'uploaded_at_start');
	const end = timestampParam(req, 'uploaded_at_end');
	return items.filter(
		(item) =>
			(start === undefined || item.uploadedAt >= start) &&
			(end === undefined || item.uploadedAt <= end),
	);
}

/**
 * Checks one form field value (feedback, profile form) against its template field. ⚠ Lever does not document the
 * value format of every type; score-system accepts the option text ("3 - Hire") or its number 1–4, yes-no accepts
 * "yes"/"no" or a boolean, currency a number.
 */
export function checkFieldValue(field: TemplateField, value: unknown): void {
	if (value === null) return;
	const options = (field.options ?? []).map((option) => option.text);
	const fail = (expected: string) => {
		throw badRequest(
			`Invalid value for field ${field.id} ("${field.text}", type ${field.type}): expected ${expected}`,
		);
	};
	const isScore = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4;
	switch (field.type) {
		case 'score-system':
			if (!isScore(value) && !(typeof value === 'string' && options.includes(value)))
				fail(`one of ${options.map((o) => `"${o}"`).join(', ')} or 1-4`);
			return;
		case 'score':
			if (!isScore(value)) fail('an integer from 1 to 4');
			return;
		case 'text':
		case 'textarea':
		case 'code':
			if (typeof value !== 'string') fail('a string');
			return;
		case 'yes-no':
			if (value !== 'yes' && value !== 'no' && typeof value !== 'boolean') fail('"yes" or "no"');
			return;
		case 'dropdown':
		case 'multiple-choice':
			if (typeof value !== 'string' || !options.includes(value))
				fail(`one of ${options.map((o) => `"${o}"`).join(', ')}`);
			return;
		case 'multiple-select':
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !options.includes(v)))
				fail(`an array of ${options.map((o) => `"${o}"`).join(', ')}`);
			return;
		case 'date':
			if (typeof value !== 'number' || !Number.isInteger(value))
				fail('a timestamp in milliseconds');
			return;
		case 'currency':
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) fail('a number');
			return;
		case 'scorecard': {
			const rows = field.scores?.length ?? 0;
			const valid =
				Array.isArray(value) &&
				value.length === rows &&
				value.every(
					(row) =>
						row &&
						typeof row === 'object' &&
						isScore((row as Body).score) &&
						((row as Body).comment === undefined || typeof (row as Body).comment === 'string'),
				);
			if (!valid) fail(`an array of ${rows} {score: 1-4, comment?} entries`);
			return;
		}
		default:
			return;
	}
}

export function activityRoutes(ctx: SimContext, upload: multer.Multer): Router {
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

	// Notes
	const renderNote = (note: (typeof state.notes)[number]) => {
		const { createdViaApi: _simulatorOnly, ...wire } = withoutOpportunityId(note);
		return wire;
	};
	const findNote = (opportunityId: string, noteId: string) => {
		const note = state.notes.find(
			(n) => n.id === noteId && n.opportunityId === opportunityId && n.deletedAt === null,
		);
		if (!note) throw notFound('notes', noteId);
		return note;
	};
	router.get(
		'/opportunities/:id/notes',
		wrap((req, res) => {
			const opportunity = opportunityFor('notes', 'read', res, req.params.id);
			const notes = state.notes.filter(
				(note) => note.opportunityId === opportunity.id && note.deletedAt === null,
			);
			res.json(paginate(req, ctx.cursors, notes, byCreatedAt(), renderNote));
		}),
	);
	router.get(
		'/opportunities/:id/notes/:noteId',
		wrap((req, res) => {
			const opportunity = opportunityFor('notes', 'read', res, req.params.id);
			res.json({ data: renderNote(findNote(opportunity.id, req.params.noteId)) });
		}),
	);
	router.post(
		'/opportunities/:id/notes',
		wrap((req, res) => {
			const opportunity = opportunityFor('notes', 'write', res, req.params.id);
			const performer = performAs(ctx, req, false);
			const body = objectBody(req.body);
			const now = ctx.now();
			const value = requiredString(body, 'value');
			const secret = optionalBoolean(body, 'secret') ?? false;
			const score = optionalInteger(body, 'score', 1, 4) ?? null;
			optionalBoolean(body, 'notifyFollowers');
			const createdAt = optionalPastTimestamp(body, 'createdAt', now) ?? now;
			const field = {
				type: 'note' as const,
				text: 'Comment',
				value,
				createdAt,
				user: performer,
				score,
				stage: opportunity.stage,
			};
			const threadId = single(req.query, 'note_id');
			let note = threadId
				? state.notes.find((n) => n.id === threadId && n.opportunityId === opportunity.id)
				: undefined;
			if (threadId && !note) throw notFound('notes', threadId);
			if (note) {
				note.fields.push(field);
			} else {
				note = {
					id: randomUUID(),
					opportunityId: opportunity.id,
					text: 'Note',
					fields: [field],
					user: performer,
					secret,
					createdAt,
					completedAt: createdAt,
					deletedAt: null,
					createdViaApi: true,
				};
				state.notes.push(note);
			}
			opportunity.lastInteractionAt = now;
			// Recorded behaviour: 201 with the whole note plus noteId (the docs show only {noteId}).
			res.status(201).json({ data: { ...renderNote(note), noteId: note.id } });
		}),
	);

	router.delete(
		'/opportunities/:id/notes/:noteId',
		wrap((req, res) => {
			const opportunity = opportunityFor('notes', 'write', res, req.params.id);
			performAs(ctx, req, false);
			const note = findNote(opportunity.id, req.params.noteId);
			// Lever: notes can be deleted "only if created via API". ⚠ The refusal's status is undocumented: 400 here.
			if (!note.createdViaApi)
				throw badRequest(
					`Note ${note.id} was not created through the API and cannot be deleted through it`,
				);
			note.deletedAt = ctx.now();
			res.status(204).end();
		}),
	);

	// Files
	router.get(
		'/opportunities/:id/files',
		wrap((req, res) => {
			const opportunity = opportunityFor('files', 'read', res, req.params.id);
			const files = uploadedAtWindow(
				req.query,
				state.files.filter((file) => file.opportunityId === opportunity.id),
			);
			res.json(
				paginate(req, ctx.cursors, files, { value: (f) => f.uploadedAt, id: (f) => f.id }, (f) =>
					renderFile(ctx, f),
				),
			);
		}),
	);
	const findFile = (opportunityId: string, fileId: string) => {
		const file = state.files.find((f) => f.id === fileId && f.opportunityId === opportunityId);
		if (!file) throw notFound('files', fileId);
		return file;
	};
	router.get(
		'/opportunities/:id/files/:fileId',
		wrap((req, res) => {
			const opportunity = opportunityFor('files', 'read', res, req.params.id);
			res.json({ data: renderFile(ctx, findFile(opportunity.id, req.params.fileId)) });
		}),
	);
	router.get(
		'/opportunities/:id/files/:fileId/download',
		wrap((req, res) => {
			const opportunity = opportunityFor('files', 'read', res, req.params.id);
			sendBlob(res, findFile(opportunity.id, req.params.fileId));
		}),
	);
	router.post(
		'/opportunities/:id/files',
		upload.any(),
		wrap((req, res) => {
			const opportunity = opportunityFor('files', 'write', res, req.params.id);
			const performer = performAs(ctx, req, true)!;
			if (!req.is('multipart/form-data'))
				throw badRequest('Files must be uploaded as multipart/form-data with the field "file"');
			const files = uploadedFiles(req).filter((file) => file.fieldname === 'file');
			if (files.length !== 1)
				throw badRequest('Exactly one file must be sent in the multipart field "file"');
			const stored = storeFile(ctx, opportunity.id, files[0], performer);
			res.status(201).json({ data: renderFile(ctx, stored) });
		}),
	);
	router.delete(
		'/opportunities/:id/files/:fileId',
		wrap((req, res) => {
			const opportunity = opportunityFor('files', 'write', res, req.params.id);
			performAs(ctx, req, true);
			const file = findFile(opportunity.id, req.params.fileId);
			state.files.splice(state.files.indexOf(file), 1);
			res.status(204).end();
		}),
	);

	// Resumes (read-only: a resume only enters through resumeFile at creation)
	const findResume = (opportunityId: string, resumeId: string) => {
		const resume = state.resumes.find(
			(r) => r.id === resumeId && r.opportunityId === opportunityId,
		);
		if (!resume) throw notFound('resumes', resumeId);
		return resume;
	};
	router.get(
		'/opportunities/:id/resumes',
		wrap((req, res) => {
			const opportunity = opportunityFor('resumes', 'read', res, req.params.id);
			const resumes = state.resumes.filter((r) => r.opportunityId === opportunity.id);
			const start = timestampParam(req.query, 'uploaded_at_start');
			const end = timestampParam(req.query, 'uploaded_at_end');
			const inWindow = resumes.filter(
				(r) =>
					(start === undefined || r.file.uploadedAt >= start) &&
					(end === undefined || r.file.uploadedAt <= end),
			);
			res.json(paginate(req, ctx.cursors, inWindow, byCreatedAt(), (r) => renderResume(ctx, r)));
		}),
	);
	router.get(
		'/opportunities/:id/resumes/:resumeId',
		wrap((req, res) => {
			const opportunity = opportunityFor('resumes', 'read', res, req.params.id);
			res.json({ data: renderResume(ctx, findResume(opportunity.id, req.params.resumeId)) });
		}),
	);
	router.get(
		'/opportunities/:id/resumes/:resumeId/download',
		wrap((req, res) => {
			const opportunity = opportunityFor('resumes', 'read', res, req.params.id);
			sendBlob(res, findResume(opportunity.id, req.params.resumeId).file);
		}),
	);

	// Feedback
	const renderFeedback = (feedback: LeverFeedback) => withoutOpportunityId(feedback);
	const findFeedback = (opportunityId: string, feedbackId: string) => {
		const feedback = state.feedback.find(
			(f) => f.id === feedbackId && f.opportunityId === opportunityId && f.deletedAt === null,
		);
		if (!feedback) throw notFound('feedback', feedbackId);
		return feedback;
	};
	/** `fieldValues: [{id, value}]` checked against the template's fields: every id known, once, with a fitting value. */
	const fieldValuesOf = (
		body: Body,
		fields: TemplateField[],
		templateId: string,
	): Map<string, unknown> => {
		const values = new Map<string, unknown>();
		if (body.fieldValues === undefined) return values;
		if (!Array.isArray(body.fieldValues))
			throw badRequest('Invalid value for field "fieldValues": expected an array of {id, value}');
		for (const entry of body.fieldValues as unknown[]) {
			if (
				!entry ||
				typeof entry !== 'object' ||
				typeof (entry as Body).id !== 'string' ||
				!('value' in (entry as Body))
			) {
				throw badRequest(
					'Invalid value for field "fieldValues": every entry needs an id and a value',
				);
			}
			const { id, value } = entry as { id: string; value: unknown };
			const field = fields.find((f) => f.id === id);
			if (!field) throw badRequest(`Field ${id} is not part of feedback template ${templateId}`);
			if (values.has(id)) throw badRequest(`Field ${id} is given more than once in fieldValues`);
			checkFieldValue(field, value);
			values.set(id, value);
		}
		return values;
	};
	router.get(
		'/opportunities/:id/feedback',
		wrap((req, res) => {
			const opportunity = opportunityFor('feedback', 'read', res, req.params.id);
			const feedback = state.feedback.filter(
				(f) => f.opportunityId === opportunity.id && f.deletedAt === null,
			);
			res.json(paginate(req, ctx.cursors, feedback, byCreatedAt(), renderFeedback));
		}),
	);
	router.get(
		'/opportunities/:id/feedback/:feedbackId',
		wrap((req, res) => {
			const opportunity = opportunityFor('feedback', 'read', res, req.params.id);
			res.json({ data: renderFeedback(findFeedback(opportunity.id, req.params.feedbackId)) });
		}),
	);
	router.post(
		'/opportunities/:id/feedback',
		wrap((req, res) => {
			const opportunity = opportunityFor('feedback', 'write', res, req.params.id);
			const performer = performAs(ctx, req, true)!;
			const body = objectBody(req.body);
			const now = ctx.now();
			const template = state.feedbackTemplates.find(
				(t) => t.id === requiredString(body, 'baseTemplateId'),
			);
			if (!template) throw notFound('feedback_templates', body.baseTemplateId as string);
			const panel = optionalString(body, 'panel');
			const interviewId = optionalString(body, 'interview');
			if ((panel === undefined) !== (interviewId === undefined))
				throw badRequest('panel and interview must be given together, or neither');
			const interview = interviewId
				? state.interviews.find((i) => i.id === interviewId && i.opportunityId === opportunity.id)
				: undefined;
			if (interviewId && !interview) throw notFound('interviews', interviewId);
			if (interview && interview.panel !== panel)
				throw badRequest(`interview ${interviewId} does not belong to panel ${panel}`);
			const createdAt = optionalPastTimestamp(body, 'createdAt', now) ?? now;
			const completedAt = optionalPastTimestamp(body, 'completedAt', now) ?? createdAt;

			const values = fieldValuesOf(body, template.fields, template.id);
			const feedback: LeverFeedback = {
				id: randomUUID(),
				opportunityId: opportunity.id,
				type: 'interview',
				text: template.text,
				instructions: template.instructions,
				baseTemplateId: template.id,
				fields: template.fields.map((field) => ({
					...field,
					value: values.has(field.id) ? values.get(field.id) : null,
				})),
				user: performer,
				panel: panel ?? null,
				interview: interviewId ?? null,
				createdAt,
				updatedAt: null,
				completedAt,
				deletedAt: null,
			};
			state.feedback.push(feedback);
			interview?.feedbackForms.push(feedback.id);
			res.status(201).json({ data: renderFeedback(feedback) });
		}),
	);

	// Recorded: PUT answers 200 with the whole feedback; only the answers given change.
	router.put(
		'/opportunities/:id/feedback/:feedbackId',
		wrap((req, res) => {
			const opportunity = opportunityFor('feedback', 'write', res, req.params.id);
			performAs(ctx, req, true);
			const feedback = findFeedback(opportunity.id, req.params.feedbackId);
			const body = objectBody(req.body);
			const now = ctx.now();
			const values = fieldValuesOf(body, feedback.fields, feedback.baseTemplateId);
			const completedAt = optionalPastTimestamp(body, 'completedAt', now);
			feedback.fields = feedback.fields.map((field) =>
				values.has(field.id) ? { ...field, value: values.get(field.id) } : field,
			);
			if (completedAt !== undefined) feedback.completedAt = completedAt;
			feedback.updatedAt = now;
			res.json({ data: renderFeedback(feedback) });
		}),
	);
	router.delete(
		'/opportunities/:id/feedback/:feedbackId',
		wrap((req, res) => {
			const opportunity = opportunityFor('feedback', 'write', res, req.params.id);
			performAs(ctx, req, true);
			findFeedback(opportunity.id, req.params.feedbackId).deletedAt = ctx.now();
			res.status(204).end();
		}),
	);

	router.get(
		'/feedback_templates',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'feedback_templates', 'read');
			res.json(
				paginate(req, ctx.cursors, state.feedbackTemplates, byCreatedAt(), (t) => ({ ...t })),
			);
		}),
	);
	router.get(
		'/feedback_templates/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'feedback_templates', 'read');
			const template = state.feedbackTemplates.find((t) => t.id === req.params.id);
			if (!template) throw notFound('feedback_templates', req.params.id);
			res.json({ data: { ...template } });
		}),
	);

	// Offers (read-only in Lever)
	router.get(
		'/opportunities/:id/offers',
		wrap((req, res) => {
			const opportunity = opportunityFor('offers', 'read', res, req.params.id);
			const offers = state.offers.filter((o) => o.opportunityId === opportunity.id);
			const render = (offer: (typeof offers)[number]) => {
				const document = (doc: typeof offer.sentDocument, status: string) =>
					doc
						? {
								...doc,
								downloadUrl: `${ctx.baseUrl()}/opportunities/${opportunity.id}/offers/${offer.id}/download?status=${status}`,
							}
						: null;
				const wire = {
					...withoutOpportunityId(offer),
					sentDocument: document(offer.sentDocument, 'sent'),
					signedDocument: document(offer.signedDocument, 'signed'),
				};
				return shape(req, wire, { creator: (id) => findUser(ctx, id as string) });
			};
			res.json(paginate(req, ctx.cursors, offers, byCreatedAt(), render));
		}),
	);

	router.get(
		'/opportunities/:id/offers/:offerId/download',
		wrap((req, res) => {
			const opportunity = opportunityFor('offers', 'read', res, req.params.id);
			const offer = state.offers.find(
				(o) => o.id === req.params.offerId && o.opportunityId === opportunity.id,
			);
			if (!offer) throw notFound('offers', req.params.offerId);
			// Lever default: the signed document when there is one, else the sent one.
			const status = single(req.query, 'status') ?? (offer.signedDocument ? 'signed' : 'sent');
			const document =
				status === 'signed'
					? offer.signedDocument
					: status === 'sent'
						? offer.sentDocument
						: undefined;
			if (document === undefined)
				throw badRequest('Invalid value for status: expected sent or signed');
			if (document === null) throw notFound('offer documents', `${offer.id}/${status}`);
			sendBlob(res, {
				name: document.fileName,
				ext: '.pdf',
				size: 0,
				uploadedAt: document.uploadedAt,
				status: 'processed',
				contentType: 'application/pdf',
				content: Buffer.from(`%PDF-1.4\n% ${document.fileName} (simulator)\n`),
			});
		}),
	);

	return router;
}
