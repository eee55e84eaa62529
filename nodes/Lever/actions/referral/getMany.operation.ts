import type { IDataObject } from 'n8n-workflow';

import { listOutputProperty } from '../../../shared/listOutput';
import type { FormField } from '../../helpers/forms';
import { valuesByLabel } from '../../helpers/forms';
import { endpointList } from '../endpointList';

/** The newest referral's answers by field name, with the referring user's ID; null when there is none. */
export function latestReferral(referrals: IDataObject[]): IDataObject | null {
	const newest = [...referrals].sort(
		(a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0),
	)[0];
	if (!newest) return null;
	return {
		...valuesByLabel((newest.fields ?? []) as FormField[]),
		id: newest.id,
		referrer: newest.referrer ?? null,
	};
}

export const { description, execute } = endpointList({
	resource: 'referral',
	endpoint: '/opportunities/{opportunity}/referrals',
	output: {
		property: listOutputProperty(
			'One Item per Referral',
			'"referrals" and "referral"',
			'"referral" is the newest referral: its answers by field name (e.g. referral["Name of referrer"]) and "referrer", the referring user\'s ID; null when there is none',
		),
		summary: (referrals) => ({ referrals, referral: latestReferral(referrals) }),
	},
});
