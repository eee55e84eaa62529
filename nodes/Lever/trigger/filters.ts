import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { leverApiRequest } from '../transport';
import type { LeverWebhookEnvelope } from './signature';

export interface DeliveryFilters {
	toStageIds: string[];
	fromStageIds: string[];
	postingIds: string[];
	fetchOpportunity: boolean;
	expand: string[];
}

export function filtersOf(context: IWebhookFunctions): DeliveryFilters {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
	return {
		toStageIds: list(options.toStageIds),
		fromStageIds: list(options.fromStageIds),
		postingIds: list(options.postingIds),
		fetchOpportunity: options.fetchOpportunity === true,
		expand: list(options.expand ?? ['applications']),
	};
}

/** Stage filters only concern stage changes; other events (e.g. hired, when both are chosen) pass them. */
export function passesStageFilters(
	envelope: LeverWebhookEnvelope,
	filters: DeliveryFilters,
): boolean {
	if (envelope.event !== 'candidateStageChange') return true;
	const { toStageId, fromStageId } = envelope.data;
	if (filters.toStageIds.length > 0 && !filters.toStageIds.includes(String(toStageId)))
		return false;
	if (filters.fromStageIds.length > 0 && !filters.fromStageIds.includes(String(fromStageId)))
		return false;
	return true;
}

function opportunityIdOf(envelope: LeverWebhookEnvelope): string | undefined {
	const { opportunityId, candidateId } = envelope.data;
	// Legacy deliveries may only carry candidateId, which equals the opportunity id for pre-2020 records.
	const id = opportunityId ?? candidateId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

const postingOf = (application: unknown): string | undefined => {
	if (typeof application === 'string') return undefined;
	const posting = (application as IDataObject | null)?.posting;
	if (typeof posting === 'string') return posting;
	return typeof (posting as IDataObject | null)?.id === 'string'
		? ((posting as IDataObject).id as string)
		: undefined;
};

/**
 * Applies the posting filter and the "Fetch Opportunity" option. Lever's payloads carry ids only, so both need the
 * opportunity (with its applications) from the API; nothing is fetched when neither is set.
 * Returns undefined when the delivery does not match, else the item to emit.
 */
export async function resolveDelivery(
	this: IWebhookFunctions,
	envelope: LeverWebhookEnvelope,
	filters: DeliveryFilters,
): Promise<IDataObject | undefined> {
	const item: IDataObject = {
		id: envelope.id,
		event: envelope.event,
		triggeredAt: envelope.triggeredAt,
		data: envelope.data,
	};
	const needsPosting = filters.postingIds.length > 0;
	if (!needsPosting && !filters.fetchOpportunity) return item;

	const opportunityId = opportunityIdOf(envelope);
	// A deleted opportunity cannot be fetched; an event without one cannot be tied to a posting.
	if (opportunityId === undefined || envelope.event === 'candidateDeleted') {
		return needsPosting ? undefined : { ...item, opportunity: null };
	}

	const expand = [
		...new Set([
			...(filters.fetchOpportunity ? filters.expand : []),
			...(needsPosting ? ['applications'] : []),
		]),
	];
	const response = (await leverApiRequest.call(
		this,
		'GET',
		`/opportunities/${encodeURIComponent(opportunityId)}`,
		{
			qs: { expand },
		},
	)) as IDataObject;
	const opportunity = (response.data ?? response) as IDataObject;

	if (needsPosting) {
		const applications = Array.isArray(opportunity.applications) ? opportunity.applications : [];
		const postings = applications.map(postingOf).filter((id): id is string => id !== undefined);
		if (!postings.some((posting) => filters.postingIds.includes(posting))) return undefined;
	}
	return filters.fetchOpportunity ? { ...item, opportunity } : item;
}
