/** The Lever simulator's records as the recipe tests compare them: one plain object per opportunity. */
import type { LeverSimulator } from '../simulators/lever';

export interface LeverView {
	id: string;
	contact: string;
	name: string;
	emails: string[];
	phones: Array<{ type?: string; value: string }>;
	links: string[];
	headline: string;
	location: string;
	postings: string[];
	stage: string;
	tags: string[];
	sources: string[];
	origin: string;
	owner: string | null;
	archivedReason: string | null;
	notes: string[];
	files: string[];
}

/** A snapshot (deep copy): the simulator changes its records in place. */
export function leverView(sim: LeverSimulator): LeverView[] {
	const { state } = sim;
	return structuredClone(state.opportunities).map((opportunity) => {
		const contact = structuredClone(state.contacts.find((c) => c.id === opportunity.contact)!);
		return {
			id: opportunity.id,
			contact: contact.id,
			name: contact.name,
			emails: contact.emails,
			phones: contact.phones,
			links: contact.links,
			headline: contact.headline,
			location: contact.location,
			postings: state.applications.filter((a) => a.opportunityId === opportunity.id).map((a) => a.posting),
			stage: opportunity.stage,
			tags: opportunity.tags,
			sources: opportunity.sources,
			origin: opportunity.origin,
			owner: opportunity.owner,
			archivedReason: opportunity.archived?.reason ?? null,
			notes: state.notes.filter((n) => n.opportunityId === opportunity.id && !n.deletedAt).map((n) => n.fields.map((f) => f.value).join('\n')),
			files: state.files.filter((f) => f.opportunityId === opportunity.id).map((f) => f.name),
		};
	});
}

/** Moves an opportunity to `stage` through Lever's API, as a recruiter in Lever would; returns the HTTP status. */
export async function moveLeverStage(sim: LeverSimulator, opportunityId: string, stage: string): Promise<number> {
	const response = await fetch(`${sim.baseUrl}/opportunities/${opportunityId}/stage?perform_as=${sim.seed.users.recruiter}`, {
		method: 'PUT',
		headers: { authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`, 'content-type': 'application/json' },
		body: JSON.stringify({ stage }),
	});
	return response.status;
}

/** The opportunities of one person (by any of their emails, case-insensitive). */
export function leverByEmail(sim: LeverSimulator, email: string): LeverView[] {
	return leverView(sim).filter((view) => view.emails.some((known) => known.toLowerCase() === email.toLowerCase()));
}
