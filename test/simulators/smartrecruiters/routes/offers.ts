/**
 * Offer documents (root base path): the files of an offer sent for e-signature. Only DocuSign is supported (another
 * provider answers 422), an offer not sent yet answers 409. Downloads are limited to 2 requests/s (index.ts).
 */
import express, { type Request, type Response, type Router } from 'express';

import { sendError, type SimContext } from '../context';
import type { SrOffer } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function offerRoutes(ctx: SimContext): Router {
	const router = express.Router();

	/** The offer of the path, sent with DocuSign; otherwise the documented error is sent and undefined returned. */
	const requireSentOffer = (req: Request, res: Response): SrOffer | undefined => {
		// ⚠ The codes of these documented statuses are not documented; the simulator's own.
		if (!UUID.test(req.params.offerId))
			return void sendError(
				res,
				400,
				'INVALID_ID',
				`Offer id "${req.params.offerId}" has an invalid format`,
			);
		const offer = ctx.state.offers.find((candidate) => candidate.id === req.params.offerId);
		if (!offer)
			return void sendError(res, 404, 'OFFER_NOT_FOUND', `Offer ${req.params.offerId} not found`);
		if (!offer.sentWith)
			return void sendError(
				res,
				409,
				'OFFER_NOT_SENT',
				`Offer ${offer.id} has not been sent to the candidate`,
			);
		if (offer.sentWith !== 'DOCUSIGN')
			return void sendError(
				res,
				422,
				'UNSUPPORTED_PROVIDER',
				`Offer ${offer.id} was sent with ${offer.sentWith}, not DocuSign`,
			);
		return offer;
	};

	router.get('/offers/:offerId/documents', (req, res) => {
		const offer = requireSentOffer(req, res);
		if (!offer) return;
		res.json({
			documents: offer.documents.map((document) => ({
				id: document.id,
				name: document.name,
				createdDate: document.createdDate,
			})),
			isCurrentlySyncing: offer.isCurrentlySyncing ?? false,
			provider: 'DOCUSIGN',
		});
	});

	router.get('/offers/:offerId/documents/:documentId', (req, res) => {
		const offer = requireSentOffer(req, res);
		if (!offer) return;
		if (!UUID.test(req.params.documentId))
			return sendError(
				res,
				400,
				'INVALID_ID',
				`Document id "${req.params.documentId}" has an invalid format`,
			);
		const document = offer.documents.find((candidate) => candidate.id === req.params.documentId);
		if (!document)
			return sendError(
				res,
				404,
				'DOCUMENT_NOT_FOUND',
				`Document ${req.params.documentId} not found in offer ${offer.id}`,
			);
		if (document.malware)
			return sendError(
				res,
				403,
				'MALWARE_DETECTED',
				`Document ${document.id} cannot be downloaded: malware was detected in it`,
			);
		// ⚠ The spec declares application/octet-stream; each document is sent with its own type (a PDF as
		// application/pdf, others as the spec says), so clients must not rely on either.
		res
			.status(200)
			.type(document.contentType)
			.setHeader('Content-Disposition', `attachment; filename="${document.name}"`);
		res.send(document.content);
	});

	return router;
}
