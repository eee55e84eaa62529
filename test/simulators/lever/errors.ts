/** Lever's error body is always `{code, message}` with a PascalCase code (docs §Responses and Errors). */
export class LeverError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export const badRequest = (message: string) => new LeverError(400, 'BadRequest', message);
export const unauthorized = (message: string) => new LeverError(401, 'Unauthorized', message);
export const forbidden = (message: string) => new LeverError(403, 'Forbidden', message);
/** Lever's own form, e.g. `stages a80bbbe0-… was not found`. */
export const notFound = (collection: string, id: string) =>
	new LeverError(404, 'ResourceNotFound', `${collection} ${id} was not found`);
export const unprocessable = (message: string) =>
	new LeverError(422, 'UnprocessableEntity', message);
