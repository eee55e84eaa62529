import type { IDataObject } from 'n8n-workflow';

import { offerOutputProperty } from '../../../shared/offers';
import { endpointList } from '../endpointList';

/**
 * The offer a hire goes by: the signed one, else the newest, with its fields keyed by identifier — the shape the
 * hire → onboarding recipe maps from. Lever keeps denied and superseded offers, so "the first one" would be wrong.
 */
export function preferredOffer(offers: IDataObject[]): IDataObject | null {
	if (offers.length === 0) return null;
	const newestFirst = [...offers].sort(
		(a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0),
	);
	const chosen = newestFirst.find((offer) => offer.status === 'signed') ?? newestFirst[0];
	const fields = Array.isArray(chosen.fields) ? (chosen.fields as IDataObject[]) : [];
	const byIdentifier = fields
		.filter((field) => typeof field.identifier === 'string' && field.identifier !== '')
		.map((field) => [field.identifier as string, field.value] as const);
	return {
		...Object.fromEntries(byIdentifier),
		id: chosen.id,
		status: chosen.status,
		createdAt: chosen.createdAt,
	};
}

export const { description, execute } = endpointList({
	resource: 'offer',
	endpoint: '/opportunities/{opportunity}/offers',
	query: () => ({ expand: 'creator' }),
	output: {
		property: offerOutputProperty(
			'"offer" is the signed offer, else the newest, with its fields by identifier (e.g. offer.anticipated_start_date, offer.custom_equity); null when there is none',
		),
		summary: (offers) => ({ offers, offer: preferredOffer(offers) }),
	},
});
