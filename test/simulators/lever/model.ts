/**
 * The simulator's shared context, lookups that answer Lever's 404s, and renderers that turn stored records into
 * Lever's wire objects.
 */
import type { Response } from 'express';

import type { AuthRegistry, Principal } from './auth';
import { requireConfidentialAccess } from './auth';
import { notFound } from './errors';
import type { CursorRegistry, Expanders } from './listing';
import type {
	LeverApplication,
	LeverContact,
	LeverFile,
	LeverOpportunity,
	LeverResume,
	LeverState,
	LeverUser,
	StoredBlob,
	WebhookEvent,
} from './types';

export interface ResolvedOptions {
	rateLimit: { ratePerSecond: number; burst: number } | false;
	retryAfterHeader: boolean;
	webhookTokenScope: 'webhook' | 'account';
	autoWebhooks: boolean;
	maxUploadBytes: number;
	webhookRetryDelaysMs: number[];
	allowInsecureWebhookUrls: boolean;
	webhookCreateShape: 'recorded' | 'documented';
	requisitionApiManagement: boolean;
}

export interface SimContext {
	state: LeverState;
	options: ResolvedOptions;
	now(): number;
	/** 'http://127.0.0.1:<port>/v1' */
	baseUrl(): string;
	cursors: CursorRegistry;
	auth: AuthRegistry;
	/** signing key used for every webhook when webhookTokenScope is 'account', and for `sendWebhook({to})` to an unregistered URL */
	accountSignatureToken: string;
	/** Lever-side state change: delivers the matching webhook event when autoWebhooks is on */
	emit(event: WebhookEvent, data: Record<string, unknown>): void;
}

export function principalOf(res: Response): Principal {
	return res.locals.principal as Principal;
}

export function findUser(ctx: SimContext, id: string): LeverUser {
	const user = ctx.state.users.find((candidate) => candidate.id === id);
	if (!user) throw notFound('users', id);
	return user;
}

export function findStage(ctx: SimContext, id: string) {
	const stage = ctx.state.stages.find((candidate) => candidate.id === id);
	if (!stage) throw notFound('stages', id);
	return stage;
}

export function stageIndex(ctx: SimContext, id: string): number {
	return ctx.state.stages.findIndex((stage) => stage.id === id);
}

export function findPosting(ctx: SimContext, id: string) {
	const posting = ctx.state.postings.find((candidate) => candidate.id === id);
	if (!posting) throw notFound('postings', id);
	return posting;
}

export function findArchiveReason(ctx: SimContext, id: string) {
	const reason = ctx.state.archiveReasons.find((candidate) => candidate.id === id);
	if (!reason) throw notFound('archive_reasons', id);
	return reason;
}

export function findContact(ctx: SimContext, id: string): LeverContact {
	const contact = ctx.state.contacts.find((candidate) => candidate.id === id);
	if (!contact) throw notFound('contacts', id);
	return contact;
}

/** An opportunity the caller may see: confidential ones need confidential access (⚠ we answer 403, not 404). */
export function findOpportunity(ctx: SimContext, res: Response, id: string): LeverOpportunity {
	const opportunity = ctx.state.opportunities.find((candidate) => candidate.id === id);
	if (!opportunity) throw notFound('opportunities', id);
	if (opportunity.confidentiality === 'confidential') requireConfidentialAccess(principalOf(res));
	return opportunity;
}

/** Strips simulator-only back-references before a record goes on the wire. */
export function withoutOpportunityId<T extends { opportunityId: string }>(
	record: T,
): Omit<T, 'opportunityId'> {
	const { opportunityId: _omitted, ...rest } = record;
	return rest;
}

export function renderUser(user: LeverUser) {
	return { ...user };
}

export function renderContact(contact: LeverContact) {
	return {
		id: contact.id,
		name: contact.name,
		headline: contact.headline,
		isAnonymized: contact.isAnonymized,
		location: { name: contact.location },
		emails: [...contact.emails],
		phones: contact.phones.map((phone) => ({ ...phone })),
	};
}

export function renderApplication(application: LeverApplication) {
	return { ...application, archived: application.archived ? { ...application.archived } : null };
}

export function renderOpportunity(
	ctx: SimContext,
	opportunity: LeverOpportunity,
): Record<string, unknown> {
	const contact = ctx.state.contacts.find((candidate) => candidate.id === opportunity.contact)!;
	return {
		id: opportunity.id,
		name: contact.name,
		headline: contact.headline,
		contact: contact.id,
		emails: [...contact.emails],
		phones: contact.phones.map((phone) => ({ ...phone })),
		confidentiality: opportunity.confidentiality,
		location: contact.location,
		links: [...contact.links],
		archived: opportunity.archived ? { ...opportunity.archived } : null,
		createdAt: opportunity.createdAt,
		updatedAt: opportunity.updatedAt,
		lastInteractionAt: opportunity.lastInteractionAt,
		lastAdvancedAt: opportunity.lastAdvancedAt,
		snoozedUntil: opportunity.snoozedUntil,
		stage: opportunity.stage,
		stageChanges: opportunity.stageChanges.map((change) => ({ ...change })),
		owner: opportunity.owner,
		tags: [...opportunity.tags],
		sources: [...opportunity.sources],
		origin: opportunity.origin,
		sourcedBy: opportunity.sourcedBy,
		applications: [...opportunity.applications],
		followers: [...opportunity.followers],
		urls: {
			list: 'https://hire.lever.co/candidates',
			show: `https://hire.lever.co/candidates/${opportunity.id}`,
		},
		dataProtection: opportunity.dataProtection,
		isAnonymized: opportunity.isAnonymized,
		opportunityLocation: opportunity.opportunityLocation,
	};
}

const userOrNull = (ctx: SimContext, id: unknown) =>
	typeof id === 'string' ? renderUser(findUser(ctx, id)) : null;

export function opportunityExpanders(ctx: SimContext): Expanders {
	return {
		applications: (ids) =>
			(ids as string[]).map((id) =>
				renderApplication(ctx.state.applications.find((application) => application.id === id)!),
			),
		stage: (id) => ({ ...findStage(ctx, id as string) }),
		owner: (id) => userOrNull(ctx, id),
		sourcedBy: (id) => userOrNull(ctx, id),
		followers: (ids) => (ids as string[]).map((id) => userOrNull(ctx, id)),
		contact: (id) => renderContact(findContact(ctx, id as string)),
	};
}

export function postingExpanders(ctx: SimContext): Expanders {
	return {
		user: (id) => userOrNull(ctx, id),
		owner: (id) => userOrNull(ctx, id),
		hiringManager: (id) => userOrNull(ctx, id),
		followers: (ids) => (ids as string[]).map((id) => userOrNull(ctx, id)),
	};
}

export function applicationExpanders(ctx: SimContext): Expanders {
	return {
		posting: (id) => ({ ...findPosting(ctx, id as string) }),
		postingOwner: (id) => userOrNull(ctx, id),
		postingHiringManager: (id) => userOrNull(ctx, id),
		user: (id) => userOrNull(ctx, id),
	};
}

function blobView(ctx: SimContext, blob: StoredBlob, downloadPath: string) {
	return {
		name: blob.name,
		ext: blob.ext,
		downloadUrl: `${ctx.baseUrl()}${downloadPath}`,
		uploadedAt: blob.uploadedAt,
		status: blob.status,
		size: blob.size,
	};
}

export function renderFile(ctx: SimContext, file: LeverFile) {
	return {
		id: file.id,
		...blobView(ctx, file, `/opportunities/${file.opportunityId}/files/${file.id}/download`),
	};
}

export function renderResume(ctx: SimContext, resume: LeverResume) {
	return {
		id: resume.id,
		createdAt: resume.createdAt,
		file: blobView(
			ctx,
			resume.file,
			`/opportunities/${resume.opportunityId}/resumes/${resume.id}/download`,
		),
		parsedData: resume.parsedData,
	};
}

export const byCreatedAt = <T extends { createdAt: number | null; id: string }>() => ({
	value: (item: T) => item.createdAt ?? 0,
	id: (item: T) => item.id,
});
