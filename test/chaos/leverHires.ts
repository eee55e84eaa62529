/** Hires made in the Lever simulator the way Lever records them, for the poll-cursor crash scenario. */
import { randomUUID } from 'node:crypto';

import { LEVER_SEED, type LeverSimulator } from '../simulators/lever';
import type { MadeHire } from './pollScenario';

const S = LEVER_SEED;

/** `pushed`: the hire has a signed offer, so the recipe pushes it to onboarding (else it notes the missing offer). */
export interface Hire extends MadeHire {
	opportunityId: string;
	email: string;
	/** Lever's archivedAt of the hire. */
	archivedAt: number;
}

/** Makes hires in `sim` through its API; `at` pins Lever's clock for one hire (a change at exactly the cursor). */
export function hireMaker(sim: LeverSimulator, clock: { pinned?: number }) {
	let count = 0;
	const api = async (method: string, path: string, body?: object) => {
		const response = await fetch(`${sim.baseUrl}${path}`, {
			method,
			headers: {
				authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`,
				'content-type': 'application/json',
			},
			body: body && JSON.stringify(body),
		});
		const json = (await response.json()) as {
			data: { id: string; archived?: { archivedAt: number } };
		};
		if (response.status >= 300)
			throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
		return json.data;
	};

	return async function hire(withOffer: boolean, madeWhen: string, at?: number): Promise<Hire> {
		const index = ++count;
		const email = `hire.${index}@example.org`;
		clock.pinned = at;
		try {
			const created = await api('POST', `/opportunities?perform_as=${S.users.recruiter}`, {
				name: `Hire Number${index}`,
				emails: [email],
				postings: [S.postings.published],
			});
			if (withOffer) {
				sim.state.offers.push({
					id: randomUUID(),
					opportunityId: created.id,
					createdAt: at ?? Date.now(),
					status: 'signed',
					creator: S.users.recruiter,
					fields: [
						{ text: 'Job title', identifier: 'job_title', value: `Engineer ${index}` },
						{
							text: 'Anticipated start date',
							identifier: 'anticipated_start_date',
							value: Date.UTC(2027, 1, 1 + (index % 27)),
						},
						{ text: 'Salary', identifier: 'salary_amount', value: 100000 + index },
						{ text: 'Compensation currency', identifier: 'compensation_currency', value: 'EUR' },
						{ text: 'Salary interval', identifier: 'salary_interval', value: 'per-year-salary' },
					],
					signatures: {},
					sentDocument: null,
					signedDocument: null,
					approvedAt: null,
					sentAt: null,
				});
			}
			const archived = await api(
				'PUT',
				`/opportunities/${created.id}/archived?perform_as=${S.users.recruiter}`,
				{ reason: S.archiveReasons.hired },
			);
			return {
				opportunityId: created.id,
				email,
				pushed: withOffer,
				archivedAt: archived.archived!.archivedAt,
				madeWhen,
			};
		} finally {
			clock.pinned = undefined;
		}
	};
}

/** The poll trigger's saved cursor (n8n keeps node static data under `node:<name>`), or undefined before the first poll. */
export function savedCursor(stateFileText: string | undefined): number | undefined {
	if (!stateFileText) return undefined;
	const { staticData } = JSON.parse(stateFileText) as {
		staticData: Record<string, { cursor?: { cursor?: number } }>;
	};
	for (const value of Object.values(staticData))
		if (typeof value?.cursor?.cursor === 'number') return value.cursor.cursor;
	return undefined;
}
