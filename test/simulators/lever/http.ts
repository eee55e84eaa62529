/** Express glue: error responses in Lever's shape, multipart parsing, perform_as. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';

import { badRequest, LeverError } from './errors';
import { single } from './listing';
import { findUser, type SimContext } from './model';

export function sendError(res: Response, error: LeverError) {
	res.status(error.status).json({ code: error.code, message: error.message });
}

/** Routes throw LeverError; this turns them (and anything unexpected) into Lever's `{code, message}` body. */
export function wrap(
	handler: (req: Request, res: Response) => void | Promise<void>,
): RequestHandler {
	return (req, res, next) => {
		Promise.resolve()
			.then(() => handler(req, res))
			.catch(next);
	};
}

export function errorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction) {
	if (error instanceof LeverError) return sendError(res, error);
	if (error instanceof multer.MulterError) {
		if (error.code === 'LIMIT_FILE_SIZE') {
			return sendError(
				res,
				new LeverError(
					413,
					'RequestEntityTooLarge',
					'File exceeds the maximum upload size (30 MB on Lever).',
				),
			);
		}
		return sendError(res, badRequest(`Invalid multipart body: ${error.message}`));
	}
	const parseError = error as { type?: string; status?: number };
	if (parseError.type === 'entity.parse.failed')
		return sendError(res, badRequest('Request body is not valid JSON'));
	if (parseError.type === 'entity.too.large') {
		return sendError(
			res,
			new LeverError(413, 'RequestEntityTooLarge', 'Request body is too large.'),
		);
	}
	return sendError(
		res,
		new LeverError(
			500,
			'InternalServerError',
			error instanceof Error ? error.message : String(error),
		),
	);
}

/** Multipart is optional on some routes (create opportunity accepts JSON or multipart). */
export function multipartWhenSent(upload: multer.Multer): RequestHandler {
	const parse = upload.any();
	return (req, res, next) => (req.is('multipart/form-data') ? parse(req, res, next) : next());
}

export function uploadedFiles(req: Request): Express.Multer.File[] {
	return Array.isArray(req.files) ? req.files : [];
}

/**
 * `perform_as` is a query parameter. Required on creates, uploads and feedback; optional elsewhere. An unknown user
 * answers 404 in Lever's `users <id> was not found` form (⚠ Lever's exact status is unverified).
 */
export function performAs(ctx: SimContext, req: Request, required: boolean): string | null {
	const userId = single(req.query, 'perform_as');
	if (userId === undefined || userId === '') {
		if (required)
			throw badRequest(
				'Missing required query parameter "perform_as" (the id of the Lever user performing this action)',
			);
		return null;
	}
	const user = findUser(ctx, userId);
	if (user.deactivatedAt !== null) throw badRequest(`perform_as user ${userId} is deactivated`);
	return user.id;
}
